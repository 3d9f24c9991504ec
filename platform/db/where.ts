/**
 * Builds a parameterised WHERE clause from optional filter values: a condition is added only when its value
 * is present, so list queries stay one statement whatever combination of filters a client sends.
 */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `column = value` when value is given. */
  eq(column: string, value: unknown): this {
    if (value !== undefined && value !== null) this.parts.push(`${column} = ${this.param(value)}`);
    return this;
  }

  /** `column = ANY(values)` when a non-empty list is given. */
  in(column: string, values: readonly unknown[] | null | undefined, type = 'text'): this {
    if (values && values.length > 0) this.parts.push(`${column} = ANY(${this.param(values)}::${type}[])`);
    return this;
  }

  /**
   * Row scoping: nothing when `allowed` is null (no restriction), no rows at all when it is empty, else
   * `column = ANY(allowed)`.
   */
  scope(column: string, allowed: readonly string[] | null | undefined): this {
    if (allowed === null || allowed === undefined) return this;
    if (allowed.length === 0) this.parts.push('FALSE');
    else this.parts.push(`${column} = ANY(${this.param(allowed)}::text[])`);
    return this;
  }

  /** Inclusive range on a date column. */
  range(column: string, range: { from?: string | null; to?: string | null } | null | undefined): this {
    if (range?.from) this.parts.push(`${column} >= ${this.param(range.from)}`);
    if (range?.to) this.parts.push(`${column} <= ${this.param(range.to)}`);
    return this;
  }

  /** A raw condition with its own parameters, written with `?` placeholders. */
  raw(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.parts.push(condition.replace(/\?/g, () => this.param(values[i++])));
    return this;
  }

  /** The clause body (`TRUE` when empty). */
  toSql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}
