import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createClient, type RedisClientType } from 'redis';
import type { DomainEvent } from '../../platform/events/event.js';
import { RedisStreamsBus, type RedisBusOptions } from '../../platform/events/redis-bus.js';
import { waitFor } from '../support/wait.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function event(n: number, tag: string): DomainEvent {
  return {
    eventId: `evt_${tag}_${n}`, type: 'ThingChanged', source: 'test', entity: { typename: 'Thing', id: `thing_${n}` }, entityVersion: n,
    occurredAt: new Date().toISOString(), correlationId: `cor_${tag}`, causationId: null, actor: 'test', payload: { n },
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Counts how often each event id was seen. */
function tally(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

let admin: RedisClientType;
const streams: string[] = [];
const buses: RedisStreamsBus[] = [];

/** A stream of its own for one test (deleted, with its dead-letter stream, after the suite). */
function freshStream(): string {
  const stream = `test:bus:${randomUUID()}`;
  streams.push(stream);
  return stream;
}

async function connect(options: Omit<RedisBusOptions, 'url'>): Promise<RedisStreamsBus> {
  const bus = await RedisStreamsBus.connect({ url: REDIS_URL, ...options });
  buses.push(bus);
  return bus;
}

/** The group's bookkeeping on Redis: events handed out but not acknowledged, and events not handed out yet. */
async function groupState(stream: string, group: string): Promise<{ pending: number; lag: number | null }> {
  const groups = (await admin.xInfoGroups(stream)) as unknown as Array<{ name: string; pending: number; lag: number | null }>;
  const g = groups.find((x) => x.name === group);
  assert.ok(g, `group ${group} exists on ${stream}`);
  return { pending: Number(g.pending), lag: g.lag === null ? null : Number(g.lag) };
}

before(async () => {
  // Fail loudly, never skip: these tests are the evidence that the Redis bus delivers at least once.
  admin = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 3000 } }) as RedisClientType;
  admin.on('error', () => undefined);
  try {
    await admin.connect();
    await admin.ping();
  } catch (error) {
    throw new Error(`Redis is required for test/e2e/redis-bus.test.ts but ${REDIS_URL} is unreachable: ${(error as Error).message}`);
  }
});

after(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  if (admin?.isOpen) {
    if (streams.length > 0) await admin.del(streams.flatMap((s) => [s, `${s}:dead`]));
    await admin.quit();
  }
});

describe('RedisStreamsBus', () => {
  test('publish resolves once Redis holds the events; every consumer group gets each event exactly once', async () => {
    const stream = freshStream();
    const bus = await connect({ stream, claimIdleMs: 60_000 });
    const billing: string[] = [];
    const subscriptions: string[] = [];
    await bus.subscribe('billing', async (e) => void billing.push(e.eventId));
    await bus.subscribe('subscriptions', async (e) => void subscriptions.push(e.eventId));

    const events = range(10).map((n) => event(n, 'groups'));
    await bus.publish(events);
    assert.equal(await admin.xLen(stream), 10, 'the events are on the stream when publish resolves');

    await waitFor(async () => billing.length >= 10 && subscriptions.length >= 10, 10_000, 'both groups to receive the events');
    const expected = events.map((e) => e.eventId);
    assert.deepEqual(billing, expected, 'one group receives every event once, in stream order');
    assert.deepEqual(subscriptions, expected, 'the other group as well');
    // Nothing left to hand out and nothing unacknowledged: no delivery can follow.
    await waitFor(async () => (await groupState(stream, 'billing')).pending === 0 && (await groupState(stream, 'subscriptions')).pending === 0, 5_000, 'acknowledgements');
    assert.deepEqual(await groupState(stream, 'billing'), { pending: 0, lag: 0 });
    assert.deepEqual(await groupState(stream, 'subscriptions'), { pending: 0, lag: 0 });
    assert.equal(billing.length, 10);
  });

  test('two members of one group share the events: each event reaches exactly one member', async () => {
    const stream = freshStream();
    // Two processes: a bus each.
    const publisher = await connect({ stream, claimIdleMs: 60_000 });
    const other = await connect({ stream, claimIdleMs: 60_000 });
    const one: string[] = [];
    const two: string[] = [];
    await publisher.subscribe('orchestrator', async (e) => void one.push(e.eventId));
    await other.subscribe('orchestrator', async (e) => void two.push(e.eventId));

    // One at a time, so that both blocked readers get their turn; then a burst.
    const single = range(20).map((n) => event(n, 'share'));
    for (const e of single) {
      const seen = one.length + two.length;
      await publisher.publish([e]);
      await waitFor(async () => one.length + two.length > seen, 5_000, `delivery of ${e.eventId}`);
    }
    const burst = range(30).map((n) => event(100 + n, 'share'));
    await publisher.publish(burst);
    await waitFor(async () => one.length + two.length >= 50, 10_000, 'the burst');
    await waitFor(async () => (await groupState(stream, 'orchestrator')).pending === 0, 5_000, 'acknowledgements');

    const all = [...one, ...two];
    const counts = tally(all);
    assert.equal(all.length, 50, 'no event delivered twice');
    assert.deepEqual([...counts.keys()].sort(), [...single, ...burst].map((e) => e.eventId).sort(), 'every event delivered');
    assert.ok([...counts.values()].every((c) => c === 1));
    assert.ok(one.length > 0 && two.length > 0, `both members took a share (${one.length} / ${two.length})`);
    assert.equal(one.filter((id) => two.includes(id)).length, 0, 'no event went to both members');
  });

  test('at least once: events a member took and never acknowledged (it died) go to another member after claimIdleMs', async () => {
    const stream = freshStream();
    const claimIdleMs = 1500;
    const bus = await connect({ stream, claimIdleMs });
    const taken = range(3).map((n) => event(n, 'orphan'));
    await bus.publish(taken);

    // The member that dies: reads the events as a consumer of the group (so they are pending on it) and goes away
    // without acknowledging them, as a process killed mid-handler would.
    const dying = admin.duplicate();
    await dying.connect();
    await dying.xGroupCreate(stream, 'orchestrator', '0', { MKSTREAM: true });
    const read = await dying.xReadGroup('orchestrator', 'dying-consumer', { key: stream, id: '>' }, { COUNT: 10 });
    const readAt = Date.now();
    const readIds = ((read as Array<{ messages: Array<{ id: string }> }> | null) ?? []).flatMap((s) => s.messages.map((m) => m.id));
    assert.equal(readIds.length, 3, 'the dying member took the three events');
    dying.destroy();
    assert.equal((await groupState(stream, 'orchestrator')).pending, 3);

    // A live member joins; an event published now reaches it at once, the orphans once they have been idle long enough.
    const received: Array<{ id: string; at: number }> = [];
    await bus.subscribe('orchestrator', async (e) => void received.push({ id: e.eventId, at: Date.now() }));
    const fresh = event(4, 'orphan');
    await bus.publish([fresh]);
    await waitFor(async () => received.length >= 4, 15_000, 'the orphaned events to be claimed');
    await waitFor(async () => (await groupState(stream, 'orchestrator')).pending === 0, 5_000, 'acknowledgements');

    const counts = tally(received.map((r) => r.id));
    assert.deepEqual([...counts.keys()].sort(), [...taken, fresh].map((e) => e.eventId).sort());
    assert.ok([...counts.values()].every((c) => c === 1), 'each event handled once by the live member');
    for (const r of received.filter((x) => x.id !== fresh.eventId)) {
      assert.ok(r.at - readAt >= claimIdleMs, `an orphan is claimed only after it was idle ${claimIdleMs} ms (after ${r.at - readAt} ms)`);
    }
    // The orphans were not acknowledged by the dead member: Redis counts two deliveries for each.
    const deliveries = await admin.xInfoConsumers(stream, 'orchestrator');
    assert.ok(deliveries.some((c) => (c as { name: string }).name === 'dying-consumer'));
  });

  test('a handler that always fails: after maxDeliveries the event is parked on <stream>:dead and acknowledged', async () => {
    const stream = freshStream();
    const maxDeliveries = 3;
    const problems: Array<{ problem: string; detail: Record<string, unknown> }> = [];
    const bus = await connect({ stream, claimIdleMs: 200, maxDeliveries, onProblem: (problem, detail) => void problems.push({ problem, detail }) });
    const calls: string[] = [];
    const healthy: string[] = [];
    await bus.subscribe('orchestrator', async (e) => {
      calls.push(e.eventId);
      if (e.eventId.endsWith('_1')) throw new Error('poison');
      healthy.push(e.eventId);
    });
    const poison = event(1, 'poison');
    const good = event(2, 'poison');
    await bus.publish([poison, good]);

    await waitFor(async () => (await admin.xLen(`${stream}:dead`)) === 1, 15_000, 'the poison event on the dead-letter stream');
    await waitFor(async () => (await groupState(stream, 'orchestrator')).pending === 0, 5_000, 'the poison event acknowledged');

    const [dead] = (await admin.xRange(`${stream}:dead`, "-", "+")) ?? [];
    assert.ok(dead);
    assert.equal(dead.message.group, 'orchestrator');
    assert.equal((JSON.parse(dead.message.event as string) as DomainEvent).eventId, poison.eventId);
    assert.equal(calls.filter((id) => id === poison.eventId).length, maxDeliveries, 'delivered exactly maxDeliveries times');
    assert.deepEqual(healthy, [good.eventId], 'the poison event does not hold up the others');
    const failures = problems.filter((p) => p.problem === 'handler failed');
    assert.deepEqual(failures.map((p) => p.detail.deliveries), [1, 2, 3], 'each failure reports its delivery count');
    assert.ok(failures.every((p) => p.detail.eventId === poison.eventId && p.detail.group === 'orchestrator'));
  });
});
