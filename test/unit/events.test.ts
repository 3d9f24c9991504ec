import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InProcessBus } from '../../platform/events/bus.js';
import type { DomainEvent } from '../../platform/events/event.js';

function event(n: number): DomainEvent {
  return {
    eventId: `evt_${n}`, type: 'ThingChanged', source: 'test', entity: { typename: 'Thing', id: `thing_${n}` }, entityVersion: 1,
    occurredAt: new Date(0).toISOString(), correlationId: `cor_${n}`, causationId: null, actor: 'test', payload: { n },
  };
}

const ids = (events: readonly DomainEvent[]) => events.map((e) => e.eventId);

describe('InProcessBus', () => {
  test('every group receives every event once, in order, before publish resolves', async () => {
    const bus = new InProcessBus();
    const a: DomainEvent[] = [];
    const b: DomainEvent[] = [];
    await bus.subscribe('a', async (e) => void a.push(e));
    await bus.subscribe('b', async (e) => void b.push(e));
    const batch = [event(1), event(2), event(3)];
    await bus.publish(batch);
    assert.deepEqual(ids(a), ['evt_1', 'evt_2', 'evt_3']);
    assert.deepEqual(ids(b), ['evt_1', 'evt_2', 'evt_3']);
    // The very objects travel (no copy), and nothing is delivered twice.
    assert.equal(a[0], batch[0]);
    await bus.publish([]);
    assert.equal(a.length, 3);
    await bus.close();
  });

  test('members of one group share the events round-robin; each event reaches exactly one member', async () => {
    const bus = new InProcessBus();
    const first: string[] = [];
    const second: string[] = [];
    const other: string[] = [];
    await bus.subscribe('workers', async (e) => void first.push(e.eventId));
    await bus.subscribe('workers', async (e) => void second.push(e.eventId));
    await bus.subscribe('audit', async (e) => void other.push(e.eventId));
    await bus.publish([event(1), event(2), event(3)]);
    await bus.publish([event(4)]);
    assert.deepEqual(first, ['evt_1', 'evt_3']);
    assert.deepEqual(second, ['evt_2', 'evt_4']);
    assert.deepEqual(other, ['evt_1', 'evt_2', 'evt_3', 'evt_4']);
    await bus.close();
  });

  test('a failing handler fails the publish, and the retry delivers to the groups that missed it (at least once, never lost)', async () => {
    const bus = new InProcessBus();
    const before: string[] = [];
    const after: string[] = [];
    let broken = true;
    let failingCalls = 0;
    await bus.subscribe('before', async (e) => void before.push(e.eventId));
    await bus.subscribe('failing', async (e) => {
      failingCalls += 1;
      if (broken) throw new Error(`cannot take ${e.eventId}`);
    });
    await bus.subscribe('after', async (e) => void after.push(e.eventId));

    // Groups are served one after the other in subscription order, so the failure stops the publish where it happens:
    // the group before has the event, the group after has not yet, and the publisher (the relay) sees the error and
    // keeps the outbox row unpublished.
    await assert.rejects(bus.publish([event(1)]), /cannot take evt_1/);
    assert.deepEqual(before, ['evt_1']);
    assert.deepEqual(after, []);
    assert.equal(failingCalls, 1);

    // The relay publishes the same row again: the group that failed and the group after it get the event; the group
    // that had it gets it a second time (at-least-once; consumers deduplicate by eventId).
    broken = false;
    await bus.publish([event(1)]);
    assert.deepEqual(before, ['evt_1', 'evt_1']);
    assert.deepEqual(after, ['evt_1']);
    assert.equal(failingCalls, 2);
    await bus.close();
  });

  test('publishing with no subscriber throws instead of dropping the events', async () => {
    const bus = new InProcessBus();
    await assert.rejects(bus.publish([event(1)]), /no consumer is subscribed/);

    // A group whose only member left counts as no subscriber as well.
    const got: string[] = [];
    const sub = await bus.subscribe('only', async (e) => void got.push(e.eventId));
    await bus.publish([event(2)]);
    await sub.close();
    await assert.rejects(bus.publish([event(3)]), /no consumer is subscribed/);

    // After close, nobody is subscribed any more.
    await bus.subscribe('again', async (e) => void got.push(e.eventId));
    await bus.close();
    await assert.rejects(bus.publish([event(4)]), /no consumer is subscribed/);
    assert.deepEqual(got, ['evt_2']);
  });
});
