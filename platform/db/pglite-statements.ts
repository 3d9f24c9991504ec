import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/** Statements kept prepared per embedded engine unless told otherwise. */
export const DEFAULT_PREPARED_STATEMENTS = 256;

/** PostgreSQL's refusal to run a prepared statement whose result columns changed under it (DDL on its table). */
const RESULT_TYPE_CHANGED = /cached plan must not change result type/;

/**
 * A row-locking clause ending a query or subquery: `FOR UPDATE`, `FOR NO KEY UPDATE`, `FOR SHARE`, `FOR KEY SHARE`,
 * with `OF tables` and `NOWAIT` or `SKIP LOCKED`.
 */
const ROW_LOCK = /\s+FOR\s+(?:NO\s+KEY\s+UPDATE|KEY\s+SHARE|UPDATE|SHARE)(?:\s+OF\s+[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)?(?:\s+(?:NOWAIT|SKIP\s+LOCKED))?(?=\s*(?:\)|;|$))/gi;

/**
 * The statement without its row-locking clauses. An embedded engine runs one transaction at a time (its callers queue
 * for it), so a row lock can never be contended there: it guards nothing the queue does not guard already, yet it
 * costs a write to every row it locks (the tuple's lock marker, in the WAL too). The same SQL keeps its locks on
 * PostgreSQL, where transactions do overlap.
 */
export function withoutRowLocks(sql: string): string {
  return sql.replace(ROW_LOCK, '');
}

interface Prepared {
  name: string;
  /** Type OIDs of the parameters, as the engine inferred them: they choose each value's text form. */
  paramTypes: number[];
}

/** Runs parameterised statements on an embedded engine; see {@link preparedStatements}. */
export interface PreparedStatements {
  /**
   * Runs one statement and returns its rows. `inTransaction`: the caller's transaction is open on the engine (the
   * statement joins it); otherwise the statement waits for any open transaction and runs on its own.
   */
  query<R>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<R[]>;
  /** Forgets every prepared statement (after DDL, which may change what a statement returns). */
  reset(): void;
}

/** True for PostgreSQL's refusal of a statement whose result columns changed under it. */
function resultTypeChanged(error: unknown): boolean {
  return RESULT_TYPE_CHANGED.test((error as Error)?.message ?? '');
}

/**
 * Runs statements on PGlite as named prepared statements, each SQL text parsed and described once per engine.
 *
 * PGlite's own `query` parses and describes the SQL again for every execution and crosses into WebAssembly six times
 * (parse, describe, bind, describe, execute, sync); a statement prepared before crosses once with bind, describe,
 * execute and sync in one message, which makes a short statement about twice as cheap. Plans stay custom per execution
 * (`plan_cache_mode = force_custom_plan`, set by the engine), so the planner sees every parameter exactly as before and
 * only the parsing is saved. Row locks are left out (see {@link withoutRowLocks}). The cache is an LRU of `capacity`
 * statements (generated SQL, such as IN lists of varying length, must not grow it without bound): an evicted statement
 * is closed ahead of the next execution.
 */
export function preparedStatements(db: PGlite, capacity = DEFAULT_PREPARED_STATEMENTS): PreparedStatements {
  const cache = new Map<string, Prepared>();
  /** Close messages of evicted statements, sent ahead of the next execution (a Close never fails, even mid-error). */
  let closing: Uint8Array[] = [];
  let nextName = 1;

  const evict = (sql: string) => {
    const entry = cache.get(sql);
    if (!entry) return;
    cache.delete(sql);
    closing.push(protocol.serialize.close({ type: 'S', name: entry.name }));
  };

  const prepare = async (sql: string): Promise<Prepared> => {
    const cached = cache.get(sql);
    if (cached) {
      // Most recently used last: the first key is the one to evict.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const name = `ps${nextName++}`;
    const { messages } = await db.execProtocol(
      Buffer.concat([...takeClosing(), protocol.serialize.parse({ name, text: withoutRowLocks(sql) }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    const entry = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    cache.set(sql, entry);
    while (cache.size > capacity) evict(cache.keys().next().value as string);
    return entry;
  };

  const takeClosing = () => {
    const taken = closing;
    closing = [];
    return taken;
  };

  const execute = async <R>(sql: string, params: readonly unknown[]): Promise<R[]> => {
    try {
      const statement = await prepare(sql);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = db.serializers[statement.paramTypes[i] as number];
        return serialize ? serialize(value) : String(value);
      });
      const { messages } = await db.execProtocol(Buffer.concat([
        ...takeClosing(),
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]), { syncToFs: false });
      return (parse.parseResults(messages, db.parsers)[0]?.rows ?? []) as R[];
    } catch (error) {
      if (resultTypeChanged(error)) evict(sql);
      // What PGlite's own query adds to an engine error: the statement it came from.
      throw Object.assign(error as Error, { query: sql });
    }
  };

  return {
    query: async <R>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<R[]> => {
      if (inTransaction) return db._runExclusiveQuery(() => execute<R>(sql, params));
      // On its own a statement is its own transaction: it waits for the open one, as PGlite's `query` does.
      return db._runExclusiveTransaction(() => db._runExclusiveQuery(async () => {
        try {
          return await execute<R>(sql, params);
        } catch (error) {
          // Outside a transaction nothing was lost: a statement whose table changed under it is prepared afresh.
          if (!resultTypeChanged(error)) throw error;
          return execute<R>(sql, params);
        } finally {
          await db.syncToFs();
        }
      }));
    },
    reset: () => {
      for (const sql of [...cache.keys()]) evict(sql);
    },
  };
}
