import type { DomainEvent } from './event.js';

/** Handles one event; throwing means "not processed" and the event is delivered again later. */
export type EventHandler = (event: DomainEvent) => Promise<void>;

/** A running subscription. */
export interface Subscription {
  close(): Promise<void>;
}

/**
 * The event bus between the systems of record and their consumers (the process layer, subscription fan-out).
 * Delivery is at least once and unordered across entities; consumers deduplicate by `eventId`.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis-streams';
  /** Hands events to the bus; resolves once the bus has them (durably, for Redis). */
  publish(events: readonly DomainEvent[]): Promise<void>;
  /** Consumes events as a member of `group`: each event reaches one member of each group. */
  subscribe(group: string, handler: EventHandler): Promise<Subscription>;
  close(): Promise<void>;
}

/**
 * The bus of a single process (the embedded default). Publishing delivers to every group's handler before it resolves,
 * so the relay marks an outbox row published only once a consumer has taken responsibility for it (persisted it).
 * If a handler throws, publishing fails and the relay tries again later: nothing is lost, even across a crash, because
 * the outbox row is still unpublished.
 */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, EventHandler[]>();
  private readonly cursor = new Map<string, number>();

  async publish(events: readonly DomainEvent[]): Promise<void> {
    // Nobody to hand the events to (a consumer not started yet, or components split without Redis): refusing keeps
    // them in the outbox instead of losing them.
    if (![...this.groups.values()].some((h) => h.length > 0)) throw new Error('no consumer is subscribed to the in-process bus');
    for (const [group, handlers] of this.groups) {
      if (handlers.length === 0) continue;
      for (const event of events) {
        // Members of a group share the work round-robin, as consumer-group members do on Redis.
        const i = (this.cursor.get(group) ?? 0) % handlers.length;
        this.cursor.set(group, i + 1);
        await (handlers[i] as EventHandler)(event);
      }
    }
  }

  async subscribe(group: string, handler: EventHandler): Promise<Subscription> {
    const handlers = this.groups.get(group) ?? [];
    handlers.push(handler);
    this.groups.set(group, handlers);
    return {
      close: async () => {
        const list = this.groups.get(group) ?? [];
        this.groups.set(group, list.filter((h) => h !== handler));
      },
    };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}
