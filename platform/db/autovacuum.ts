import type { Queryable } from './database.js';

/**
 * When a table is due, with PostgreSQL's default autovacuum thresholds: vacuum after 50 + 20 % of its rows died,
 * analyze after 50 + 10 % of its rows changed (inserts included). Vacuuming insert-only tables, which a server does to
 * freeze their pages early, is left out: the audit log and outbox would be rewritten over and over for no plan gain.
 */
export interface AutovacuumThresholds {
  vacuumBase: number;
  vacuumScale: number;
  analyzeBase: number;
  analyzeScale: number;
}

export const POSTGRES_DEFAULT_THRESHOLDS: AutovacuumThresholds = { vacuumBase: 50, vacuumScale: 0.2, analyzeBase: 50, analyzeScale: 0.1 };

/** What the cumulative statistics say about one table. */
export interface TableActivity {
  schema: string;
  table: string;
  liveRows: number;
  deadRows: number;
  modifiedSinceAnalyze: number;
}

/** The maintenance one table needs now: a vacuum (which also analyzes), an analyze, or nothing. */
export type Maintenance = 'VACUUM' | 'ANALYZE' | null;

/** Decides a table's maintenance the way PostgreSQL's autovacuum launcher does, from its statistics alone. */
export function maintenanceDue(t: TableActivity, th: AutovacuumThresholds = POSTGRES_DEFAULT_THRESHOLDS): Maintenance {
  const rows = Math.max(t.liveRows, 0);
  if (t.deadRows > th.vacuumBase + th.vacuumScale * rows) return 'VACUUM';
  if (t.modifiedSinceAnalyze > th.analyzeBase + th.analyzeScale * rows) return 'ANALYZE';
  return null;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The statement that carries out a table's maintenance (a vacuum analyzes as well, so the planner sees its new shape). */
export function maintenanceStatement(t: Pick<TableActivity, 'schema' | 'table'>, what: Exclude<Maintenance, null>): string {
  const target = `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`;
  return what === 'VACUUM' ? `VACUUM (ANALYZE) ${target}` : `ANALYZE ${target}`;
}

/** A database the pass can run on: statements outside any transaction (VACUUM refuses to run inside one). */
export interface MaintainableDatabase extends Queryable {
  exec(sql: string): Promise<void>;
}

/**
 * One autovacuum pass: flushes this session's pending statistics, reads every user table's activity and vacuums or
 * analyzes those past their thresholds. Returns what it did, table by table.
 */
export async function autovacuumPass(db: MaintainableDatabase, th: AutovacuumThresholds = POSTGRES_DEFAULT_THRESHOLDS): Promise<Array<{ table: string; did: Exclude<Maintenance, null> }>> {
  // The embedded engine is one session: its counters reach the shared statistics only when flushed.
  await db.query('SELECT pg_stat_force_next_flush()');
  const rows = await db.query<{ schemaname: string; relname: string; n_live_tup: bigint | string; n_dead_tup: bigint | string; n_mod_since_analyze: bigint | string }>(
    'SELECT schemaname, relname, n_live_tup, n_dead_tup, n_mod_since_analyze FROM pg_stat_user_tables ORDER BY schemaname, relname',
  );
  const done: Array<{ table: string; did: Exclude<Maintenance, null> }> = [];
  for (const r of rows) {
    const activity: TableActivity = {
      schema: r.schemaname, table: r.relname, liveRows: Number(r.n_live_tup), deadRows: Number(r.n_dead_tup),
      modifiedSinceAnalyze: Number(r.n_mod_since_analyze),
    };
    const due = maintenanceDue(activity, th);
    if (!due) continue;
    await db.exec(maintenanceStatement(activity, due));
    done.push({ table: `${activity.schema}.${activity.table}`, did: due });
  }
  return done;
}

/** Options of the embedded autovacuum. */
export interface EmbeddedAutovacuumOptions {
  /** Milliseconds between passes. */
  intervalMs: number;
  /** Told when a pass fails; the next pass runs anyway. */
  onError?: (error: unknown) => void;
  /**
   * How much the database's callers have sent so far (a count of statements). When given, a pass that is due waits
   * for a quiet moment, {@link EmbeddedAutovacuumOptions.quietMs} without a statement, but never longer than
   * {@link EmbeddedAutovacuumOptions.maxDeferMs}: the embedded engine runs one statement at a time, so a vacuum in
   * the middle of a burst makes every caller wait for it.
   */
  activity?: () => number;
  /** Milliseconds without a statement that count as quiet (default 200). */
  quietMs?: number;
  /** Longest wait for a quiet moment, in milliseconds (default twice the interval). */
  maxDeferMs?: number;
}

/** A running embedded autovacuum. */
export interface EmbeddedAutovacuum {
  /** Runs a pass now (after the one in progress, if any). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Keeps an embedded database's planner statistics fresh and its dead rows reclaimed, as the autovacuum daemon of a
 * PostgreSQL server does: the embedded engine has no such daemon, so without this its tables are never analyzed and
 * the planner keeps choosing plans made for empty tables (whole-table scans where one index lookup per row would do).
 * Unlike the daemon, whose work runs beside the sessions', a pass here holds the only session: with `activity`, due
 * passes wait for a lull (see {@link EmbeddedAutovacuumOptions.activity}).
 */
export function startEmbeddedAutovacuum(db: MaintainableDatabase, options: EmbeddedAutovacuumOptions): EmbeddedAutovacuum {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await autovacuumPass(db);
      } catch (error) {
        if (!stopped) options.onError?.(error);
      }
    });
    return running;
  };
  const { activity } = options;
  let timer: NodeJS.Timeout;
  if (!activity) {
    timer = setInterval(() => void pass(), options.intervalMs);
  } else {
    const quietMs = options.quietMs ?? 200;
    const maxDeferMs = options.maxDeferMs ?? 2 * options.intervalMs;
    let dueAt = Date.now() + options.intervalMs;
    let seen = activity();
    let inPass = false;
    // Checked every `quietMs`: a tick that saw no new statement since the previous one ends a quiet stretch.
    timer = setInterval(() => {
      const now = Date.now();
      const current = activity();
      const quiet = current === seen;
      seen = current;
      if (inPass || now < dueAt || (!quiet && now - dueAt < maxDeferMs)) return;
      inPass = true;
      void pass().finally(() => {
        inPass = false;
        dueAt = Date.now() + options.intervalMs;
      });
    }, Math.min(quietMs, options.intervalMs));
  }
  timer.unref();
  return {
    runNow: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
