import type { Database } from '../db/database.js';
import { outboxSignal } from '../db/unit-of-work.js';
import type { Logger } from '../server/logger.js';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './event.js';

/** Options of an outbox relay. */
export interface RelayOptions {
  /** Source name stamped on the events (the subgraph). */
  source: string;
  /** Rows per batch (default 500). */
  batchSize?: number;
  /** Poll interval when idle, in ms (default 200); a local commit wakes the relay at once. */
  pollMs?: number;
  /** Longest backoff after a failed publish, in ms (default 5 000). */
  maxBackoffMs?: number;
  logger?: Logger;
}

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  seq: bigint;
  event_id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  entity_version: number | null;
  occurred_at: string;
  correlation_id: string;
  causation_id: string | null;
  actor: string;
  payload: Record<string, unknown>;
}

/** The event an outbox row carries. */
export function eventOf(row: OutboxRow, source: string): DomainEvent {
  return {
    eventId: row.event_id, type: row.type, source, entity: { typename: row.entity_type, id: row.entity_id }, entityVersion: row.entity_version,
    occurredAt: row.occurred_at, correlationId: row.correlation_id, causationId: row.causation_id, actor: row.actor, payload: row.payload,
  };
}

const MARK_SQL = `UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])`;
const FAILED_SQL = `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`;
const SELECT = `SELECT seq, event_id, type, entity_type, entity_id, entity_version, occurred_at, correlation_id, causation_id, actor, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`;

/**
 * Publishes a subgraph's outbox to the bus and marks rows published only after the bus has them (at least once). On
 * PostgreSQL, rows are claimed with `FOR UPDATE SKIP LOCKED`, so several relays can share one outbox; the embedded
 * database belongs to one process, which runs one relay. A failing bus (Redis down) is retried with exponential backoff
 * while mutations keep committing to the outbox; the relay catches up when the bus is back.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private backingOff = false;
  /** A commit signalled while a batch was under way: its rows may be newer than what the batch read. */
  private signalled = false;
  private readonly onSignal = (name: string) => {
    // A commit wakes an idle relay at once; a relay backing off from a failing bus keeps its pace.
    if (name !== this.db.name || this.backingOff) return;
    this.signalled = true;
    this.wake?.();
  };
  /** Events published since start (for tests and metrics). */
  published = 0;

  constructor(private readonly db: Database, private readonly bus: EventBus, private readonly options: RelayOptions) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** The service whose outbox this relay publishes. */
  get source(): string {
    return this.options.source;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    outboxSignal.on('written', this.onSignal);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    outboxSignal.off('written', this.onSignal);
    this.wake?.();
    await this.loop;
  }

  /**
   * Publishes one batch; returns how many events were published. When the bus refuses the batch, its rows record the
   * failed attempt and the error (the integrity report counts them as failing) and the error is rethrown.
   */
  async publishBatch(): Promise<number> {
    const limit = this.batchSize;
    type Outcome = { count: number; error?: unknown };
    const publish = async (rows: OutboxRow[], run: (sql: string, params: unknown[]) => Promise<unknown>): Promise<Outcome> => {
      if (rows.length === 0) return { count: 0 };
      const seqs = rows.map((r) => r.seq);
      try {
        await this.bus.publish(rows.map((r) => eventOf(r, this.options.source)));
      } catch (error) {
        await run(FAILED_SQL, [seqs, String((error as Error)?.message ?? error).slice(0, 1000)]);
        return { count: 0, error };
      }
      await run(MARK_SQL, [seqs]);
      return { count: rows.length };
    };
    const outcome = this.db.engine === 'postgres'
      ? await this.db.transaction(async (tx) => publish(await tx.query<OutboxRow>(`${SELECT} FOR UPDATE SKIP LOCKED`, [limit]), (sql, params) => tx.query(sql, params)))
      // One process owns an embedded database: no competing relay, and no lock held while the bus works.
      : await publish(await this.db.query<OutboxRow>(SELECT, [limit]), (sql, params) => this.db.query(sql, params));
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.count;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      let count = 0;
      this.signalled = false;
      try {
        count = await this.publishBatch();
        this.published += count;
        backoff = 0;
        this.backingOff = false;
      } catch (error) {
        backoff = Math.min(this.options.maxBackoffMs ?? 5000, backoff ? backoff * 2 : 100);
        this.backingOff = true;
        this.options.logger?.warn({ err: error, source: this.options.source, backoffMs: backoff }, 'outbox publish failed; backing off');
      }
      // A full batch may have left rows behind, and a signal that came in while the batch ran announces rows the batch
      // may not have read: both are read now, not at the next poll. After a partial batch with no signal there is
      // nothing local left to read, so the relay goes idle instead of spending a statement to find that out.
      if ((count >= this.batchSize || this.signalled) && backoff === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff || (this.options.pollMs ?? 200));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
