import { hostname } from 'node:os';
import { createClient, type RedisClientType } from 'redis';
import type { EventBus, EventHandler, Subscription } from './bus.js';
import type { DomainEvent } from './event.js';

/** Options of the Redis Streams bus. */
export interface RedisBusOptions {
  url: string;
  /** Stream name (default `ps:events`). */
  stream?: string;
  /** Approximate cap on the stream's length (older, acknowledged history is trimmed). */
  maxLength?: number;
  /** A pending event not acknowledged for this long is claimed by another member (its consumer died). */
  claimIdleMs?: number;
  /** Deliveries after which an event is parked on the dead-letter stream instead of being retried. */
  maxDeliveries?: number;
  /** Called for events parked as undeliverable and for handler failures (logging). */
  onProblem?: (problem: string, detail: Record<string, unknown>) => void;
}

/**
 * Redis Streams with consumer groups: at-least-once delivery that survives a consumer's death (its pending events are
 * claimed by another member after `claimIdleMs`). Every publish is an XADD, acknowledged by Redis before it resolves.
 */
export class RedisStreamsBus implements EventBus {
  readonly kind = 'redis-streams' as const;
  private readonly stream: string;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(private readonly publisher: RedisClientType, private readonly options: RedisBusOptions) {
    this.stream = options.stream ?? 'ps:events';
  }

  /** Connects the publishing client (subscriptions open their own blocking connections). */
  static async connect(options: RedisBusOptions): Promise<RedisStreamsBus> {
    const client = createClient({ url: options.url, socket: { reconnectStrategy: (retries) => Math.min(2000, 50 * 2 ** retries) } }) as RedisClientType;
    client.on('error', () => undefined);
    await client.connect();
    return new RedisStreamsBus(client, options);
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const multi = this.publisher.multi();
    for (const e of events) {
      multi.xAdd(this.stream, '*', { event: JSON.stringify(e) }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: this.options.maxLength ?? 1_000_000 } });
    }
    await multi.exec();
  }

  async subscribe(group: string, handler: EventHandler): Promise<Subscription> {
    const client = this.publisher.duplicate();
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.xGroupCreate(this.stream, group, '0', { MKSTREAM: true });
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    const consumer = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const claimIdleMs = this.options.claimIdleMs ?? 30_000;
    const maxDeliveries = this.options.maxDeliveries ?? 25;
    let running = true;
    let lastClaim = 0;

    const handle = async (id: string, fields: Record<string, string>, deliveries: number): Promise<void> => {
      let event: DomainEvent;
      try {
        event = JSON.parse(fields.event ?? '') as DomainEvent;
      } catch {
        await client.xAck(this.stream, group, id);
        return;
      }
      try {
        await handler(event);
        await client.xAck(this.stream, group, id);
      } catch (error) {
        this.options.onProblem?.('handler failed', { group, eventId: event.eventId, error: (error as Error).message, deliveries });
        if (deliveries >= maxDeliveries) {
          // Poison event: parked for an operator instead of blocking the group forever.
          await client.xAdd(`${this.stream}:dead`, '*', { group, event: fields.event ?? '' });
          await client.xAck(this.stream, group, id);
        }
      }
    };

    const loop = async (): Promise<void> => {
      while (running) {
        try {
          if (Date.now() - lastClaim > Math.min(claimIdleMs, 5000)) {
            lastClaim = Date.now();
            const claimed = await client.xAutoClaim(this.stream, group, consumer, claimIdleMs, '0-0', { COUNT: 100 });
            for (const m of claimed.messages) {
              if (!m) continue;
              // The claim counts as a delivery; the group's pending entry knows how many there were before.
              const [pending] = await client.xPendingRange(this.stream, group, m.id, m.id, 1);
              await handle(m.id, m.message as Record<string, string>, Number(pending?.deliveriesCounter ?? 1));
            }
          }
          const reply = await client.xReadGroup(group, consumer, { key: this.stream, id: '>' }, { COUNT: 200, BLOCK: 1000 });
          for (const s of (reply as Array<{ messages: Array<{ id: string; message: Record<string, string> }> }> | null) ?? []) {
            for (const m of s.messages) await handle(m.id, m.message, 1);
          }
        } catch (error) {
          if (!running) return;
          this.options.onProblem?.('stream read failed', { group, error: (error as Error).message });
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };
    const done = loop();
    const subscription: Subscription = {
      close: async () => {
        running = false;
        await done;
        await client.quit().catch(() => client.disconnect());
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}
