/**
 * The transactional outbox and its relay against a real database: PGlite by default, PostgreSQL with
 * TEST_DB_ENGINE=postgres. The cases that need several connections or processes on one database (two relays sharing
 * an outbox with SKIP LOCKED, a transaction committing after a later-numbered one, a relay process killed with
 * SIGKILL) run against a PostgreSQL test database whatever the engine: PostgreSQL is a required service for this file.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import type { Database, Transaction } from '../../platform/db/database.js';
import { loadMigrations, PLATFORM_MIGRATIONS_DIR, type Migration } from '../../platform/db/migrate.js';
import { openSubgraphDatabase } from '../../platform/db/open.js';
import { openPostgres } from '../../platform/db/postgres.js';
import { insertOutboxEvents, outboxSignal, writeTransaction } from '../../platform/db/unit-of-work.js';
import type { Invocation } from '../../platform/domain/invocation.js';
import type { EventBus, Subscription } from '../../platform/events/bus.js';
import type { DomainEvent, EventDraft } from '../../platform/events/event.js';
import { OutboxRelay, type OutboxRow, type RelayOptions } from '../../platform/events/relay.js';
import { integrityReport } from '../../platform/integrity/report.js';
import { REPO_ROOT } from '../../platform/topology.js';
import { createTestDatabaseUrl, dropTestDatabases, openTestDatabase, TEST_DB_ENGINE } from '../support/db.js';
import { gate, openAllGates, waitFor } from '../support/wait.js';

// ——— a tiny system of record: widgets, written with their events in one unit of work ———

const WIDGETS_SQL = `CREATE TABLE widgets (
  id text PRIMARY KEY,
  version int NOT NULL,
  label text NOT NULL,
  -- checked at COMMIT, after the unit of work has written its outbox rows
  CONSTRAINT widgets_label_unique UNIQUE (label) DEFERRABLE INITIALLY DEFERRED
)`;

const MIGRATIONS: Migration[] = [
  ...loadMigrations(PLATFORM_MIGRATIONS_DIR),
  { version: '9001', name: 'test_widgets', sql: WIDGETS_SQL, checksum: createHash('sha256').update(WIDGETS_SQL).digest('hex') },
];

const invocation = (correlationId: string): Invocation => ({ actor: 'usr_relay_test', correlationId, now: () => new Date().toISOString() });

const widgetEvent = (id: string, version: number): EventDraft => ({ type: 'WidgetChanged', entityType: 'Widget', entityId: id, entityVersion: version, payload: { id, version } });

/** Saves widget `id` at `version` and emits its event, in one unit of work (as every mutation of the product does). */
async function saveWidget(db: Database, id: string, version: number, correlationId = `cor_${id}_${version}`): Promise<void> {
  await writeTransaction(db, invocation(correlationId), async (uow) => {
    await uow.query(
      `INSERT INTO widgets (id, version, label) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, label = EXCLUDED.label`,
      [id, version, `${id}@${version}`],
    );
    uow.emit(widgetEvent(id, version));
  });
}

/** Saves several widgets' versions in one transaction: their events get consecutive sequence numbers. */
async function saveMany(db: Database, changes: ReadonlyArray<readonly [string, number]>, correlationId: string): Promise<void> {
  await writeTransaction(db, invocation(correlationId), async (uow) => {
    for (const [id, version] of changes) {
      await uow.query(
        `INSERT INTO widgets (id, version, label) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, label = EXCLUDED.label`,
        [id, version, `${id}@${version}`],
      );
      uow.emit(widgetEvent(id, version));
    }
  });
}

/** An outbox row with the relay's bookkeeping. */
interface OutboxRecord extends OutboxRow {
  published_at: string | null;
  attempts: number;
  last_error: string | null;
}

const outbox = (db: Database): Promise<OutboxRecord[]> =>
  db.query<OutboxRecord>(`SELECT seq, event_id, type, entity_type, entity_id, entity_version, correlation_id, actor, payload, published_at, attempts, last_error FROM outbox ORDER BY seq`);

const unpublishedCount = async (db: Database): Promise<number> =>
  Number((await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0]?.n ?? -1);

const ids = (events: readonly DomainEvent[]): string[] => events.map((e) => e.eventId);

function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

// ——— a bus that records what it is given, and can fail or hold a publish ———

interface PublishCall {
  at: number;
  ids: string[];
  ok: boolean;
}

class RecordingBus implements EventBus {
  readonly kind = 'in-process' as const;
  /** Events the bus accepted, in the order it accepted them. */
  readonly delivered: DomainEvent[] = [];
  readonly calls: PublishCall[] = [];
  /** While true, every publish throws (Redis down). */
  failing = false;
  /**
   * Runs after the bus has accepted a batch and before `publish` resolves (the window in which a relay process can
   * die with the batch delivered but not yet marked).
   */
  afterAccept: ((events: readonly DomainEvent[], call: number) => Promise<void>) | undefined;
  /** Simulated latency of a publish (a round trip to Redis), so two relays really overlap. */
  latencyMs = 0;

  async publish(events: readonly DomainEvent[]): Promise<void> {
    const call: PublishCall = { at: Date.now(), ids: ids(events), ok: false };
    this.calls.push(call);
    if (this.failing) throw new Error('bus unavailable (test)');
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    this.delivered.push(...events);
    call.ok = true;
    await this.afterAccept?.(events, this.calls.length);
  }

  async subscribe(): Promise<Subscription> {
    throw new Error('RecordingBus has no consumers');
  }

  async close(): Promise<void> {}
}

// ——— resources, all released after the file ———

const databases: Database[] = [];
const relays: OutboxRelay[] = [];
const children: ChildProcess[] = [];

/** A fresh outbox database on the configured engine (named, so that commits wake its relay). */
async function engineDb(name: string): Promise<Database> {
  const db = await openTestDatabase(name, MIGRATIONS);
  databases.push(db);
  return db;
}

/** A fresh outbox database on the PostgreSQL server, whatever the configured engine; returns its URL as well. */
async function postgresDb(name: string): Promise<{ db: Database; url: string }> {
  const url = await createTestDatabaseUrl(name);
  const db = await openSubgraphDatabase(name, { databaseUrl: url }, MIGRATIONS);
  databases.push(db);
  return { db, url };
}

/** Another pool on the same PostgreSQL database: what a second relay process would open. */
async function secondPool(url: string, name: string): Promise<Database> {
  const db = await openPostgres({ url, max: 4 });
  db.name = name;
  databases.push(db);
  return db;
}

function startRelay(db: Database, bus: EventBus, options: Partial<RelayOptions> = {}): OutboxRelay {
  const relay = new OutboxRelay(db, bus, { source: db.name ?? 'test', pollMs: 20, ...options });
  relays.push(relay);
  relay.start();
  return relay;
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

after(async () => {
  openAllGates();
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  await Promise.all(databases.splice(0).map((db) => db.close().catch(() => undefined)));
  await dropTestDatabases();
});

/**
 * Every row is marked published. Where no publish failed, `attempts` proves each row was marked exactly once; where
 * publishes failed, `attempts` also counts the failures, so only the mark is checked.
 */
async function assertAllMarkedOnce(db: Database, what: string, noFailures = true): Promise<OutboxRecord[]> {
  const rows = await outbox(db);
  assert.ok(rows.length > 0, `${what}: the outbox has rows`);
  assert.deepEqual(rows.filter((r) => r.published_at === null).map((r) => r.event_id), [], `${what}: every row is marked published`);
  if (noFailures) assert.deepEqual(rows.filter((r) => r.attempts !== 1).map((r) => [r.event_id, r.attempts]), [], `${what}: every row was marked exactly once`);
  return rows;
}

/** The database as a relay sees it, counting the reads of the outbox it makes (one transaction per batch on PostgreSQL). */
function countingReads(db: Database): { db: Database; reads: () => number } {
  let reads = 0;
  const watched = new Proxy(db, {
    get(target, key) {
      if (key === 'query') {
        return (sql: string, params?: readonly unknown[]) => {
          if (/^SELECT seq\b/.test(sql)) reads += 1;
          return target.query(sql, params);
        };
      }
      if (key === 'transaction') {
        return <T>(work: Parameters<Database['transaction']>[0]) => {
          reads += 1;
          return target.transaction(work) as Promise<T>;
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: watched, reads: () => reads };
}

describe(`transactional outbox and relay (${TEST_DB_ENGINE})`, () => {
  test('a relay that emptied the outbox with a partial batch waits for the next commit instead of reading again', async () => {
    const db = await engineDb('relay_idle');
    await saveWidget(db, 'wi', 1);
    const counted = countingReads(db);
    const bus = new RecordingBus();
    const relay = startRelay(counted.db, bus, { batchSize: 10, pollMs: 60_000 });
    await waitFor(async () => relay.published === 1, 10_000, 'the committed event to be published');
    assert.equal(counted.reads(), 1, 'one read found the event; none followed it');
    await saveWidget(db, 'wi', 2);
    await waitFor(async () => relay.published === 2, 10_000, 'the next commit to wake the relay');
    assert.equal(counted.reads(), 2, 'the commit cost one read');
  });

  test('statements queued for the commit run after the work, in order; one that fails takes the whole transaction with it', async () => {
    const db = await engineDb('relay_at_commit');
    const seenInside = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO widgets (id, version, label) VALUES ('c1', 1, 'c1@1')`);
      tx.atCommit(`INSERT INTO widgets (id, version, label) VALUES ($1, $2, $3)`, ['c2', 1, 'c2@1']);
      tx.atCommit(`UPDATE widgets SET version = version + 1 WHERE id = $1`, ['c2']);
      return tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM widgets WHERE id = 'c2'`);
    });
    assert.deepEqual(seenInside, [{ n: 0 }], 'a queued statement waits for the commit');
    assert.deepEqual(await db.query(`SELECT id, version FROM widgets ORDER BY id`), [{ id: 'c1', version: 1 }, { id: 'c2', version: 2 }], 'queued statements ran in order');

    await assert.rejects(db.transaction(async (tx) => {
      await tx.query(`INSERT INTO widgets (id, version, label) VALUES ('c3', 1, 'c3@1')`);
      tx.atCommit(`INSERT INTO widgets (id, version, label) VALUES ('c4', 1, 'c4@1')`);
      tx.atCommit(`INSERT INTO widgets (id, version, label) VALUES ('c1', 9, 'c1@9')`);
    }), { code: '23505' });
    // A unit of work whose outbox row cannot be written (its payload is not JSON) commits none of its business rows.
    await assert.rejects(writeTransaction(db, invocation('cor_outbox_fails'), async (uow) => {
      await uow.query(`INSERT INTO widgets (id, version, label) VALUES ('c5', 1, 'c5@1')`);
      uow.emit({ ...widgetEvent('c5', 1), payload: '{not json' as unknown as Record<string, unknown> });
    }), /json/i);
    assert.deepEqual(await db.query(`SELECT id FROM widgets ORDER BY id`), [{ id: 'c1' }, { id: 'c2' }], 'nothing of the failed transactions stays');
    await saveWidget(db, 'c6', 1);
    assert.equal((await outbox(db)).length, 1, 'the database works on after a failed commit');
  });

  test('an event is written in the same transaction as its business row: committed together, rolled back together', async () => {
    const db = await engineDb('relay_tx');
    const signals: string[] = [];
    const onSignal = (name: string) => {
      if (name === db.name) signals.push(name);
    };
    outboxSignal.on('written', onSignal);
    try {
      await saveWidget(db, 'w1', 1, 'cor_committed');
      let rows = await outbox(db);
      assert.equal(rows.length, 1, 'the committed unit of work left its event');
      const [row] = rows as [OutboxRecord];
      assert.match(row.event_id, /^evt_/);
      assert.deepEqual(
        { type: row.type, entity: [row.entity_type, row.entity_id, row.entity_version], correlationId: row.correlation_id, actor: row.actor, payload: row.payload, published: row.published_at, attempts: row.attempts },
        { type: 'WidgetChanged', entity: ['Widget', 'w1', 1], correlationId: 'cor_committed', actor: 'usr_relay_test', payload: { id: 'w1', version: 1 }, published: null, attempts: 0 },
      );
      assert.equal(signals.length, 1, 'a commit with events wakes the relay');

      // 1. The work fails after it emitted: nothing of it stays.
      await assert.rejects(
        writeTransaction(db, invocation('cor_work_fails'), async (uow) => {
          await uow.query(`INSERT INTO widgets (id, version, label) VALUES ('w2', 1, 'w2@1')`);
          uow.emit(widgetEvent('w2', 1));
          throw new Error('business rule refused');
        }),
        /business rule refused/,
      );

      // 2. The transaction fails at COMMIT (a deferred constraint), after the outbox rows were inserted.
      await assert.rejects(
        writeTransaction(db, invocation('cor_commit_fails'), async (uow) => {
          await uow.query(`INSERT INTO widgets (id, version, label) VALUES ('w3', 1, 'w1@1')`);
          uow.emit(widgetEvent('w3', 1));
        }),
        /widgets_label_unique|duplicate key/,
      );

      // 3. A component writing its outbox directly (the process layer does) and failing on a later statement.
      await assert.rejects(
        db.transaction(async (tx: Transaction) => {
          await insertOutboxEvents(tx, [widgetEvent('w4', 1)], { at: new Date().toISOString(), correlationId: 'cor_direct', causationId: null, actor: 'usr_relay_test' });
          assert.equal((await tx.query(`SELECT 1 FROM outbox WHERE entity_id = 'w4'`)).length, 1, 'the event is in the outbox inside the transaction');
          await tx.query(`INSERT INTO widgets (id, version, label) VALUES ('w1', 9, 'dup')`);
        }),
        /duplicate key|widgets_pkey/,
      );

      rows = await outbox(db);
      assert.deepEqual(rows.map((r) => r.entity_id), ['w1'], 'no rolled-back work left an event');
      assert.deepEqual((await db.query<{ id: string }>(`SELECT id FROM widgets ORDER BY id`)).map((r) => r.id), ['w1'], 'nor a business row');
      assert.equal(signals.length, 1, 'rolled-back work wakes nobody');

      // The relay finds exactly the committed event.
      const bus = new RecordingBus();
      const relay = new OutboxRelay(db, bus, { source: 'relay_tx' });
      assert.equal(await relay.publishBatch(), 1);
      assert.deepEqual(ids(bus.delivered), [row.event_id]);
      assert.equal(await relay.publishBatch(), 0, 'nothing left to publish');
      const [event] = bus.delivered as [DomainEvent];
      assert.deepEqual(
        { source: event.source, entity: event.entity, entityVersion: event.entityVersion, correlationId: event.correlationId, actor: event.actor, payload: event.payload },
        { source: 'relay_tx', entity: { typename: 'Widget', id: 'w1' }, entityVersion: 1, correlationId: 'cor_committed', actor: 'usr_relay_test', payload: { id: 'w1', version: 1 } },
      );
      await assertAllMarkedOnce(db, 'after one publish');
    } finally {
      outboxSignal.off('written', onSignal);
    }
  });

  test('the relay publishes every unpublished event exactly once, in sequence order (so per aggregate in commit order), and marks it', async () => {
    const db = await engineDb('relay_order');
    const aggregates = ['wa', 'wb', 'wc'];
    // Interleaved commits across three aggregates, some transactions with several events.
    for (let version = 1; version <= 8; version += 1) {
      if (version % 3 === 0) await saveMany(db, aggregates.map((a) => [a, version] as const), `cor_batch_${version}`);
      else for (const a of aggregates) await saveWidget(db, a, version);
    }
    const bus = new RecordingBus();
    // A long poll: once caught up, only a commit's signal can wake the relay in time for the second half of the test.
    const relay = startRelay(db, bus, { batchSize: 5, pollMs: 60_000 });
    await waitFor(async () => (await unpublishedCount(db)) === 0, 20_000, 'the backlog to be published');

    const rows = await assertAllMarkedOnce(db, 'backlog');
    assert.equal(rows.length, 24);
    assert.deepEqual(ids(bus.delivered), rows.map((r) => r.event_id), 'each event delivered exactly once, in sequence order');
    assert.ok(bus.calls.every((c) => c.ok && c.ids.length <= 5), 'batches of at most batchSize');
    for (const a of aggregates) {
      assert.deepEqual(bus.delivered.filter((e) => e.entity.id === a).map((e) => e.entityVersion), [1, 2, 3, 4, 5, 6, 7, 8], `${a} in commit order`);
    }
    assert.ok(bus.delivered.every((e) => e.source === 'relay_order'), 'events carry the relay\'s source');
    assert.equal(relay.published, 24);

    // Caught up and idle (next poll a minute away): a new commit wakes the relay at once.
    const before = bus.calls.length;
    await saveWidget(db, 'wa', 9);
    await saveMany(db, [['wb', 9], ['wc', 9]], 'cor_late');
    await waitFor(async () => (await unpublishedCount(db)) === 0, 10_000, 'events committed while idle to be published');
    assert.ok(bus.calls.length > before);
    const all = await assertAllMarkedOnce(db, 'after the late commits');
    assert.deepEqual(ids(bus.delivered), all.map((r) => r.event_id), 'still each exactly once, in order');
    assert.equal(relay.published, 27);

    // stop() wakes the idle relay instead of waiting for its poll.
    const stopping = Date.now();
    await relay.stop();
    assert.ok(Date.now() - stopping < 5_000, 'stop does not wait for the next poll');
  });

  test('a failing bus: events stay unpublished, the relay backs off exponentially (no busy loop), and publishes everything once the bus is back', async () => {
    const db = await engineDb('relay_backoff');
    for (let i = 1; i <= 6; i += 1) await saveWidget(db, `w${i % 2}`, i);
    const bus = new RecordingBus();
    bus.failing = true;
    // Poll every 5 ms when idle: only the backoff can keep a failing relay from spinning.
    const maxBackoffMs = 300;
    const relay = startRelay(db, bus, { batchSize: 100, pollMs: 5, maxBackoffMs });

    // Commits during the backoff signal the relay; it must keep its pace anyway.
    await waitFor(async () => bus.calls.length >= 2, 10_000, 'two failed publishes');
    for (let i = 7; i <= 9; i += 1) await saveWidget(db, `w${i % 2}`, i);
    await waitFor(async () => bus.calls.length >= 6, 20_000, 'six failed publishes');

    const calls = bus.calls.slice(0, 6);
    assert.ok(calls.every((c) => !c.ok));
    assert.equal(await unpublishedCount(db), 9, 'nothing is marked published while the bus fails');
    assert.equal(relay.published, 0);
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i] as PublishCall).at);
    const expected = [100, 200, 300, 300, 300];
    gaps.forEach((gap, i) => assert.ok(gap >= (expected[i] as number) - 5, `retry ${i + 1} waited ${gap} ms, expected at least ${expected[i]} ms (gaps ${gaps.join(', ')})`));
    assert.ok((gaps[4] as number) < 1_200, `the backoff is capped at maxBackoffMs (${maxBackoffMs}); uncapped it would be 1600 ms (gaps ${gaps.join(', ')})`);
    const first = (calls[0] as PublishCall).at;
    assert.ok(bus.calls.filter((c) => c.at - first < 1_000).length <= 5, `at most 5 attempts in the first second (a busy loop would make hundreds): ${bus.calls.length}`);

    // The bus recovers: everything is published, each event once, in order.
    bus.failing = false;
    await waitFor(async () => (await unpublishedCount(db)) === 0, 10_000, 'the backlog after recovery');
    const rows = await assertAllMarkedOnce(db, 'after recovery', false);
    assert.equal(rows.length, 9);
    assert.deepEqual(ids(bus.delivered), rows.map((r) => r.event_id), 'nothing lost, nothing doubled, in order');
    assert.equal(relay.published, 9);
    // Failed calls carried the backlog in order as well (the same rows offered again, never skipped).
    for (const c of calls) assert.deepEqual(c.ids, rows.slice(0, c.ids.length).map((r) => r.event_id));

    // After a success the backoff is reset: a new commit is published promptly.
    await saveWidget(db, 'w0', 10);
    await waitFor(async () => (await unpublishedCount(db)) === 0, 5_000, 'a commit after recovery');
    await relay.stop();
  });

  test('every failed publish is recorded on its rows (attempts, last error), so the backlog reports them as failing', async () => {
    const db = await engineDb('relay_failing');
    for (let i = 1; i <= 3; i += 1) await saveWidget(db, 'wf', i);
    const bus = new RecordingBus();
    bus.failing = true;
    const relay = startRelay(db, bus, { maxBackoffMs: 200 });
    await waitFor(async () => bus.calls.length >= 2, 10_000, 'two failed publishes');
    const backlog = await integrityReport('relay_failing', { checks: [], sets: {} }, db).outbox();
    await relay.stop();
    assert.equal(backlog.unpublished, 3);
    assert.equal(backlog.failing, 3, `every unpublished event failed to publish ${bus.calls.length} times`);
    const rows = await db.query<{ attempts: number; last_error: string | null; published_at: string | null }>(`SELECT attempts, last_error, published_at FROM outbox ORDER BY seq`);
    assert.ok(rows.every((r) => r.attempts >= 2 && r.published_at === null && typeof r.last_error === 'string' && r.last_error.length > 0), JSON.stringify(rows));
  });

  test('a relay killed after the bus took a batch but before marking it: the batch is published again (at least once), nothing is lost', async () => {
    const db = await engineDb('relay_killed');
    for (let i = 1; i <= 10; i += 1) await saveWidget(db, `w${i % 3}`, i);
    const rows = await outbox(db);
    // Each "process" fails its mark statements once it is dead: a killed process never writes again.
    let dead = false;
    const dying: Database = {
      ...db,
      engine: db.engine,
      name: db.name,
      stats: db.stats,
      query: (sql, params) => (dead && /UPDATE outbox SET published_at/.test(sql) ? Promise.reject(new Error('relay process killed')) : db.query(sql, params)),
      transaction: (work) =>
        db.transaction((tx) => work({
          exec: (sql) => tx.exec(sql),
          atCommit: (sql, params) => tx.atCommit(sql, params),
          query: (sql, params) => (dead && /UPDATE outbox SET published_at/.test(sql) ? Promise.reject(new Error('relay process killed')) : tx.query(sql, params)),
        })),
    };
    const firstBus = new RecordingBus();
    const tookSecond = deferred<string[]>();
    const hold = gate();
    firstBus.afterAccept = async (events, call) => {
      if (call !== 2) return;
      tookSecond.resolve(ids(events));
      await hold.wait;
    };
    const first = startRelay(dying, firstBus, { batchSize: 4 });
    const secondBatch = await tookSecond.promise;
    // Killed here: the bus has the second batch; the relay never marks it.
    dead = true;
    const stopped = first.stop();
    hold.open();
    await stopped;

    assert.deepEqual(ids(firstBus.delivered), rows.slice(0, 8).map((r) => r.event_id), 'the dead relay delivered two batches');
    assert.deepEqual(secondBatch, rows.slice(4, 8).map((r) => r.event_id));
    let now = await outbox(db);
    assert.deepEqual(now.filter((r) => r.published_at !== null).map((r) => r.event_id), rows.slice(0, 4).map((r) => r.event_id), 'only the first batch was marked');

    // A new relay (the restarted process) takes over.
    const secondBus = new RecordingBus();
    startRelay(db, secondBus, { batchSize: 4 });
    await waitFor(async () => (await unpublishedCount(db)) === 0, 10_000, 'the restarted relay to catch up');
    now = await assertAllMarkedOnce(db, 'after the restart', false);
    assert.deepEqual(ids(secondBus.delivered), rows.slice(4).map((r) => r.event_id), 'the unmarked batch and the rest, in order');
    const seen = tally([...ids(firstBus.delivered), ...ids(secondBus.delivered)]);
    assert.deepEqual([...seen.keys()].sort(), rows.map((r) => r.event_id).sort(), 'every event reached the bus (deduplicated by eventId: nothing lost)');
    for (const r of rows.slice(4, 8)) assert.equal(seen.get(r.event_id), 2, 'the batch in flight at the kill is delivered again');
    for (const r of [...rows.slice(0, 4), ...rows.slice(8)]) assert.equal(seen.get(r.event_id), 1, 'marked events are never delivered again');
  });
});

describe('several relays and processes on one PostgreSQL outbox (always PostgreSQL)', () => {
  test('two relays over the same database at once (SKIP LOCKED) publish each event exactly once in total', async () => {
    const { db, url } = await postgresDb('relay_pair');
    const other = await secondPool(url, 'relay_pair');
    for (let t = 0; t < 20; t += 1) await saveMany(db, Array.from({ length: 10 }, (_, i) => [`w${i}`, t + 1] as const), `cor_pair_${t}`);
    const busA = new RecordingBus();
    const busB = new RecordingBus();
    busA.latencyMs = 5;
    busB.latencyMs = 5;
    const a = startRelay(db, busA, { batchSize: 10 });
    const b = startRelay(other, busB, { batchSize: 10 });
    // More commits while both relays run.
    for (let t = 20; t < 30; t += 1) await saveMany(db, Array.from({ length: 10 }, (_, i) => [`w${i}`, t + 1] as const), `cor_pair_${t}`);
    await waitFor(async () => (await unpublishedCount(db)) === 0, 30_000, 'both relays to drain the outbox');
    await Promise.all([a.stop(), b.stop()]);

    const rows = await assertAllMarkedOnce(db, 'two relays');
    assert.equal(rows.length, 300);
    const published = [...ids(busA.delivered), ...ids(busB.delivered)];
    const counts = tally(published);
    assert.equal(published.length, 300, `no event published twice (relay A ${busA.delivered.length}, relay B ${busB.delivered.length})`);
    assert.deepEqual([...counts.keys()].sort(), rows.map((r) => r.event_id).sort(), 'every event published');
    assert.ok(busA.delivered.length > 0 && busB.delivered.length > 0, `both relays took a share (${busA.delivered.length} / ${busB.delivered.length})`);
    assert.equal(a.published + b.published, 300);
    // Each relay on its own publishes in sequence order.
    const seqOf = new Map(rows.map((r) => [r.event_id, r.seq]));
    for (const bus of [busA, busB]) {
      const seqs = ids(bus.delivered).map((id) => seqOf.get(id) as bigint);
      assert.ok(seqs.every((s, i) => i === 0 || s > (seqs[i - 1] as bigint)), 'a relay publishes its rows in sequence order');
    }
  });

  test('a transaction that commits after a later-numbered one is still published (a sequence gap is never skipped for good)', async () => {
    const { db } = await postgresDb('relay_gap');
    const bus = new RecordingBus();
    startRelay(db, bus, { pollMs: 20 });
    const hold = gate();
    const inserted = deferred();
    // Takes its sequence number first, commits last.
    const slow = db.transaction(async (tx) => {
      await insertOutboxEvents(tx, [widgetEvent('slow', 1)], { at: new Date().toISOString(), correlationId: 'cor_slow', causationId: null, actor: 'usr_relay_test' });
      inserted.resolve();
      await hold.wait;
    });
    await inserted.promise;
    await saveWidget(db, 'fast', 1);
    await waitFor(async () => bus.delivered.some((e) => e.entity.id === 'fast'), 10_000, 'the later-numbered event to be published');
    assert.ok(!bus.delivered.some((e) => e.entity.id === 'slow'), 'the uncommitted event is invisible');
    hold.open();
    await slow;
    await waitFor(async () => (await unpublishedCount(db)) === 0, 10_000, 'the late commit to be published');
    const rows = await assertAllMarkedOnce(db, 'gap');
    const slowRow = rows.find((r) => r.entity_id === 'slow') as OutboxRecord;
    const fastRow = rows.find((r) => r.entity_id === 'fast') as OutboxRecord;
    assert.ok(slowRow.seq < fastRow.seq, 'the slow transaction had the lower sequence number');
    assert.deepEqual(ids(bus.delivered), [fastRow.event_id, slowRow.event_id], 'each once, in commit order');
  });

  test('a relay process killed with SIGKILL after the bus took a batch, before marking it: the batch is published again by the next relay, nothing lost', async () => {
    const { db, url } = await postgresDb('relay_sigkill');
    for (let i = 1; i <= 12; i += 1) await saveWidget(db, `w${i % 4}`, i);
    const rows = await outbox(db);

    // The relay process: its bus prints each batch it accepts; the second publish never returns (the process is killed
    // while the relay holds the batch's rows locked, published but unmarked).
    const file = (path: string) => JSON.stringify(pathToFileURL(join(REPO_ROOT, path)).href);
    const script = `
      const { openPostgres } = await import(${file('platform/db/postgres.ts')});
      const { OutboxRelay } = await import(${file('platform/events/relay.ts')});
      const db = await openPostgres({ url: process.env.RELAY_DB_URL, max: 2 });
      db.name = 'relay_sigkill';
      let calls = 0;
      const bus = {
        kind: 'redis-streams',
        async publish(events) {
          calls += 1;
          process.stdout.write('ACCEPTED ' + JSON.stringify(events.map((e) => e.eventId)) + '\\n');
          if (calls >= 2) await new Promise(() => {});
        },
        async subscribe() { throw new Error('unused'); },
        async close() {},
      };
      new OutboxRelay(db, bus, { source: 'relay_sigkill', batchSize: 4, pollMs: 50 }).start();
      setInterval(() => {}, 60_000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), RELAY_DB_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    const accepted = (): string[][] => output.split('\n').filter((l) => l.startsWith('ACCEPTED ')).map((l) => JSON.parse(l.slice('ACCEPTED '.length)) as string[]);
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`the relay process exited: ${output}`);
      return accepted().length >= 2;
    }, 60_000, 'the relay process to hand two batches to the bus').catch((error) => {
      throw new Error(`${(error as Error).message}\n${output}`);
    });
    // The first batch was marked; the second is on the bus and still unmarked, locked by the live relay.
    await waitFor(async () => (await outbox(db)).filter((r) => r.published_at !== null).length === 4, 10_000, 'the first batch to be marked');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const [firstBatch, secondBatch] = accepted() as [string[], string[]];
    assert.equal(accepted().length, 2, 'the killed relay accepted nothing after the held batch');
    assert.deepEqual(firstBatch, rows.slice(0, 4).map((r) => r.event_id));
    assert.deepEqual(secondBatch, rows.slice(4, 8).map((r) => r.event_id));
    assert.deepEqual((await outbox(db)).filter((r) => r.published_at === null).map((r) => r.event_id), rows.slice(4).map((r) => r.event_id), 'the batch in flight stays unpublished after the kill');

    // The next relay process: the server released the dead session's locks; it republishes the batch and the rest.
    const bus = new RecordingBus();
    startRelay(await secondPool(url, 'relay_sigkill'), bus, { batchSize: 4 });
    await waitFor(async () => (await unpublishedCount(db)) === 0, 20_000, 'the next relay to publish the rest');
    await assertAllMarkedOnce(db, 'after SIGKILL');
    assert.deepEqual(ids(bus.delivered), rows.slice(4).map((r) => r.event_id), 'the unmarked batch again, then the rest, in order');
    const seen = tally([...firstBatch, ...secondBatch, ...ids(bus.delivered)]);
    assert.deepEqual([...seen.keys()].sort(), rows.map((r) => r.event_id).sort(), 'nothing lost');
    for (const id of secondBatch) assert.equal(seen.get(id), 2, 'the batch in flight at the kill reached the bus twice (consumers dedupe by eventId)');
    for (const id of firstBatch) assert.equal(seen.get(id), 1, 'a marked batch is never published again');
  });
});
