import { money, type Money } from '../money/money.js';
import { arrayElement, bulkInsertStatements, type BulkColumn } from './bulk.js';
import { runStatements, type Queryable, type Statement } from './database.js';
import type { Where } from './where.js';

/**
 * How one field of a record is stored. `money` occupies two columns, `<field>_minor` (bigint) and
 * `<field>_currency` (text); `jsonb` holds nested values and lists; a trailing `?` allows null.
 */
export type ColumnKind =
  | 'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'jsonb' | 'money';
export type ColumnSpec = ColumnKind | `${ColumnKind}?`;

/** A record type's storage: table name and a column spec for every field (the compiler checks none is missed). */
export interface TableDef<T> {
  readonly table: string;
  readonly fields: { readonly [K in keyof T]-?: ColumnSpec };
}

interface Column {
  field: string;
  kind: ColumnKind;
  nullable: boolean;
  columns: string[];
}

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Maps records to rows and back for one table, and offers the statements every repository needs
 * (select list, insert, bulk insert, optimistic update). Anything more specific is plain SQL in the repository.
 */
export class Table<T extends object> {
  readonly name: string;
  private readonly cols: Column[];
  /** Comma-separated column list for SELECT, in record order. */
  readonly selectList: string;

  constructor(def: TableDef<T>) {
    this.name = def.table;
    this.cols = Object.entries(def.fields as Record<string, ColumnSpec>).map(([field, spec]) => {
      const nullable = spec.endsWith('?');
      const kind = (nullable ? spec.slice(0, -1) : spec) as ColumnKind;
      const base = snake(field);
      return { field, kind, nullable, columns: kind === 'money' ? [`${base}_minor`, `${base}_currency`] : [base] };
    });
    this.selectList = this.cols.flatMap((c) => c.columns).join(', ');
  }

  /** Selects with a table alias prefix, for joins. */
  selectListAs(alias: string): string {
    return this.cols.flatMap((c) => c.columns.map((col) => `${alias}.${col}`)).join(', ');
  }

  /** Builds a record from a database row. */
  fromRow(row: Record<string, unknown>): T {
    const out: Record<string, unknown> = {};
    for (const c of this.cols) {
      if (c.kind === 'money') {
        const minor = row[c.columns[0] as string];
        out[c.field] = minor === null || minor === undefined ? null : money(BigInt(minor as bigint), row[c.columns[1] as string] as string);
      } else if (c.kind === 'int') {
        const v = row[c.columns[0] as string];
        out[c.field] = v === null || v === undefined ? null : Number(v);
      } else {
        const v = row[c.columns[0] as string];
        out[c.field] = v === undefined ? null : v;
      }
    }
    return out as T;
  }

  /** Column values of a record, in the order of `columnNames()`. */
  toValues(record: T): unknown[] {
    const r = record as Record<string, unknown>;
    return this.cols.flatMap((c) => {
      const v = r[c.field];
      if (c.kind === 'money') {
        const m = v as Money | null | undefined;
        return m ? [m.amountMinor, m.currency] : [null, null];
      }
      if (c.kind === 'jsonb') return [v === null || v === undefined ? null : JSON.stringify(v)];
      return [v === undefined ? null : v];
    });
  }

  /** Every column name, in record order. */
  columnNames(): string[] {
    return this.cols.flatMap((c) => c.columns);
  }

  /** The columns of a bulk insert, in the order `toValues` produces values. */
  protected bulkColumns(): readonly BulkColumn[] {
    return this.cols.flatMap((c): BulkColumn[] => {
      if (c.kind === 'money') return [{ name: c.columns[0] as string, type: 'bigint' }, { name: c.columns[1] as string, type: 'text' }];
      return [{ name: c.columns[0] as string, type: c.kind }];
    });
  }

  /** Inserts one record. */
  async insert(db: Queryable, record: T): Promise<void> {
    const names = this.columnNames();
    const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
    await db.query(`INSERT INTO ${this.name} (${names.join(', ')}) VALUES (${placeholders})`, this.toValues(record));
  }

  /** Inserts many records with one statement per chunk. */
  async insertMany(db: Queryable, records: readonly T[]): Promise<void> {
    await runStatements(db, this.insertManyStatements(records));
  }

  /** The statements of {@link insertMany}, for a caller that queues them for its commit. */
  insertManyStatements(records: readonly T[]): Statement[] {
    if (records.length === 0) return [];
    return bulkInsertStatements(this.name, this.bulkColumns(), records.map((r) => this.toValues(r)));
  }

  /**
   * Writes a changed record if, and only if, the stored version is still `previousVersion`.
   * Returns false when another writer got there first, so the caller can report a version conflict.
   */
  async updateIfVersion(db: Queryable, record: T & { id: string }, previousVersion: number): Promise<boolean> {
    const names = this.columnNames();
    const values = this.toValues(record);
    const assignments = names.map((n, i) => `${n} = $${i + 1}`).join(', ');
    const rows = await db.query(
      `UPDATE ${this.name} SET ${assignments} WHERE id = $${names.length + 1} AND version = $${names.length + 2} RETURNING id`,
      [...values, record.id, previousVersion],
    );
    return rows.length === 1;
  }

  /**
   * Writes many changed records in ONE `UPDATE … FROM unnest(…)` statement, each only if its stored version is still
   * the one it was read at, and returns how many rows were written (fewer than `records` means another writer got
   * to some of them first). `before` holds each record as it was read, in the order of `records`. Only the version and
   * the columns whose value changed in at least one record are sent and set: an approval changes 11 of a time entry's
   * 24 columns, and shipping and parsing the other arrays cost more than the update itself on an embedded engine. The
   * version check makes this equivalent to a full-row write, since an unchanged column still holds what was read.
   */
  async updateManyIfVersion(db: Queryable, records: readonly (T & { id: string; version: number })[], before: readonly (T & { id: string; version: number })[]): Promise<number> {
    if (records.length === 0) return 0;
    if (records.length !== before.length) throw new Error(`${this.name}: one record as read per changed record is required`);
    for (let i = 0; i < records.length; i += 1) {
      if (records[i]!.id !== before[i]!.id) throw new Error(`${this.name}: record ${i} is ${records[i]!.id} but was read as ${before[i]!.id}`);
    }
    const columns = this.bulkColumns();
    const rows = records.map((r) => this.toValues(r));
    const previous = before.map((r) => this.toValues(r));
    const changed = columns
      .map((c, i) => ({ ...c, i }))
      // The version is always set, so that even a batch that changes nothing else is a valid statement.
      .filter((c) => c.name === 'version' || (c.name !== 'id' && rows.some((row, r) => !sameStoredValue(row[c.i], previous[r]![c.i]))));
    const params: unknown[] = [records.map((r) => r.id), before.map((r) => r.version)];
    const unnestArgs = ['$1::text[]', '$2::int[]'];
    for (const c of changed) {
      params.push(rows.map((row) => arrayElement(c.type, row[c.i])));
      unnestArgs.push(`$${params.length}::${c.type === 'jsonb' ? 'text' : c.type}[]`);
    }
    const aliases = ['k_id', 'k_version', ...changed.map((_, j) => `c${j}`)];
    const assignments = changed.map((c, j) => `${c.name} = u.c${j}${c.type === 'jsonb' ? '::jsonb' : ''}`).join(', ');
    // `id = ANY` besides the join makes the planner find the rows by primary key whatever its statistics say.
    const result = await db.query<{ n: number }>(
      `WITH changed AS (
         UPDATE ${this.name} AS t SET ${assignments}
         FROM unnest(${unnestArgs.join(', ')}) AS u(${aliases.join(', ')})
         WHERE t.id = u.k_id AND t.id = ANY($1::text[]) AND t.version = u.k_version
         RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      params,
    );
    return Number(result[0]?.n ?? 0);
  }

  /** Loads records by id (any order; missing ids are simply absent). */
  async findByIds(db: Queryable, ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const rows = await db.query(`SELECT ${this.selectList} FROM ${this.name} WHERE id = ANY($1::text[])`, [ids]);
    return rows.map((r) => this.fromRow(r));
  }

  /** Loads one record by id, locking it for the rest of the transaction. */
  async findForUpdate(db: Queryable, id: string): Promise<T | null> {
    const rows = await db.query(`SELECT ${this.selectList} FROM ${this.name} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  /** Loads records matching `where` (SQL after WHERE, with its params), in `orderBy` order. */
  async findWhere(db: Queryable, where: string, params: readonly unknown[], orderBy = 'id'): Promise<T[]> {
    const rows = await db.query(`SELECT ${this.selectList} FROM ${this.name} WHERE ${where} ORDER BY ${orderBy}`, params);
    return rows.map((r) => this.fromRow(r));
  }

  /**
   * One page in id order after `afterId`, reading one row more than asked to know whether another page follows.
   * Keyset paging keeps deep pages as cheap as the first.
   */
  async page(db: Queryable, where: Where, first: number, afterId: string | null): Promise<{ rows: T[]; hasNextPage: boolean }> {
    if (afterId !== null) where.raw('id > ?', afterId);
    const limit = where.param(first + 1);
    const rows = await db.query(`SELECT ${this.selectList} FROM ${this.name} WHERE ${where.toSql()} ORDER BY id LIMIT ${limit}`, where.params);
    return { rows: rows.slice(0, first).map((r) => this.fromRow(r)), hasNextPage: rows.length > first };
  }
}

/** True when two column values (as `toValues` produces them) store the same thing; anything unsure counts as changed. */
function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}
