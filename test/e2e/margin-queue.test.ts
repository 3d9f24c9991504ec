import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type PgBoss from 'pg-boss';
import pino from 'pino';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvent } from '../../platform/events/event.js';
import type { SubgraphClient } from '../../orchestrator/src/clients/subgraph-client.js';
import { QUEUES, startJobQueue } from '../../orchestrator/src/engine/jobs.js';
import { MARGIN_QUEUE_LEASE_SECONDS, MarginWatch } from '../../orchestrator/src/engine/margin-watch.js';
import { orchestrationMigrations } from '../../orchestrator/src/index.js';
import { dropTestDatabases, openTestDatabase, TEST_DB_ENGINE } from '../support/db.js';

// A burst of cost changes to one project asks the job queue for one margin check, not one per change; a change that
// lands once the check has started asks for another; a request made long ago whose check never started is made again.

let db: Database;
let boss: PgBoss;
let watch: MarginWatch;
let seq = 0;
/** The projects the job queue was asked to check, one entry per request (pg-boss may still refuse a duplicate). */
const asked: string[] = [];

before(async () => {
  db = await openTestDatabase('orchestration', orchestrationMigrations());
  boss = await startJobQueue(db);
  const send = boss.send.bind(boss) as (...args: unknown[]) => Promise<string | null>;
  boss.send = ((...args: unknown[]) => {
    if (args[0] === QUEUES.margin) asked.push((args[1] as { projectId: string }).projectId);
    return send(...args);
  }) as PgBoss['send'];
  // The project has no margin threshold: a check reads it and stops there.
  const client = { call: async () => ({ project: null }) } as unknown as SubgraphClient;
  watch = new MarginWatch(db, boss, client, pino({ level: 'silent' }));
});
after(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await db?.close();
  await dropTestDatabases();
});

function approval(projectId: string): DomainEvent {
  seq += 1;
  return {
    eventId: `evt_margin_${seq}`, type: 'TimeEntriesApproved', source: 'projects', correlationId: `cor_margin_${seq}`, causationId: null, actor: 'usr_test',
    occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(), entity: { typename: 'Project', id: projectId }, entityVersion: null, payload: { projectId },
  } as DomainEvent;
}

const react = (event: DomainEvent) => db.transaction((tx) => watch.react(tx, event));

const askedFor = (projectId: string): number => asked.filter((p) => p === projectId).length;

async function checksQueued(projectId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [QUEUES.margin, projectId]);
  return row?.n ?? 0;
}

describe(`margin checks are queued once per burst (${TEST_DB_ENGINE})`, () => {
  test('ten changes before the check starts ask for one check, which sees the newest change', async () => {
    const events = Array.from({ length: 10 }, () => approval('prj_burst'));
    const queued = [];
    for (const e of events) queued.push(await react(e));
    assert.deepEqual(queued, [true, ...Array(9).fill(false)], 'only the first change reports work for the worker to wake for');
    assert.equal(askedFor('prj_burst'), 1, 'the job queue was asked once');
    assert.equal(await checksQueued('prj_burst'), 1);
    const [trigger] = await db.query<{ causation_id: string; queued: boolean }>(`SELECT causation_id, queued_at IS NOT NULL AS queued FROM margin_triggers WHERE project_id = 'prj_burst'`);
    assert.deepEqual(trigger, { causation_id: events[9]!.eventId, queued: true });
    // An older event redelivered late neither queues a check nor takes the attribution from the newest change.
    await react({ ...events[2]!, eventId: 'evt_margin_late' });
    assert.equal(askedFor('prj_burst'), 1);
    assert.equal((await db.query<{ causation_id: string }>(`SELECT causation_id FROM margin_triggers WHERE project_id = 'prj_burst'`))[0]?.causation_id, events[9]!.eventId);
    // The worker takes the job but has not started the check: a change now is still seen by it, so pg-boss (which
    // would accept one more queued check beside an active one) is not asked.
    await db.query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND singleton_key = 'prj_burst'`, [QUEUES.margin]);
    await react(approval('prj_burst'));
    assert.equal(askedFor('prj_burst'), 1);
    assert.equal(await checksQueued('prj_burst'), 1);
  });

  test('a change after the check has started asks for another check', async () => {
    await react(approval('prj_started'));
    // The worker takes the job (pg-boss allows one such check active and one queued per project) and starts it.
    await db.query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND singleton_key = 'prj_started'`, [QUEUES.margin]);
    await watch.check({ projectId: 'prj_started', correlationId: 'cor_x', causationId: 'evt_x' });
    await react(approval('prj_started'));
    await react(approval('prj_started'));
    assert.equal(askedFor('prj_started'), 2, 'once before the check started, once after');
    assert.equal(await checksQueued('prj_started'), 2);
  });

  test(`a check asked for more than ${MARGIN_QUEUE_LEASE_SECONDS} s ago that never started is asked for again`, async () => {
    await react(approval('prj_lost'));
    await db.query(`DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = 'prj_lost'`, [QUEUES.margin]);
    await react(approval('prj_lost'));
    assert.equal(askedFor('prj_lost'), 1, 'a recent request is trusted');
    assert.equal(await checksQueued('prj_lost'), 0);
    await db.query(`UPDATE margin_triggers SET queued_at = now() - interval '${MARGIN_QUEUE_LEASE_SECONDS + 1} seconds' WHERE project_id = 'prj_lost'`);
    await react(approval('prj_lost'));
    assert.equal(askedFor('prj_lost'), 2);
    assert.equal(await checksQueued('prj_lost'), 1);
  });
});
