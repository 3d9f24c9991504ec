import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { QUEUES, startJobQueue } from '../../orchestrator/src/engine/jobs.js';
import { orchestrationMigrations } from '../../orchestrator/src/index.js';
import type { Database } from '../../platform/db/database.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../platform/topology.js';
import { SUBGRAPHS } from '../../runtime/registry.js';
import { resetDatabases } from '../../seed/index.js';
import { dropTestDatabases, openTestDatabase, TEST_DB_ENGINE } from '../support/db.js';

const opened: Database[] = [];

after(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
  await dropTestDatabases();
});

const count = async (db: Database, sql: string, params: unknown[] = []): Promise<number> => Number((await db.query<{ n: bigint | number }>(sql, params))[0]?.n ?? 0);
const jobQueueSchemas = (db: Database) => count(db, `SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'pgboss'`);

test(`seed --reset empties the process layer with the systems of record, and leaves every database usable (${TEST_DB_ENGINE})`, async () => {
  const dbs = {} as Record<SubgraphName, Database>;
  for (const name of SUBGRAPH_NAMES) opened.push((dbs[name] = await openTestDatabase(name, SUBGRAPHS[name].migrations())));
  const orchestration = await openTestDatabase('orchestration', orchestrationMigrations());
  opened.push(orchestration);

  // What a deployment that ran flows leaves behind: a row in every system of record, the process layer's memory of
  // events (inbox, entity versions, a run) and a queued job.
  for (const name of SUBGRAPH_NAMES) {
    await dbs[name].query(
      `INSERT INTO audit_log (id, at, actor, roles, correlation_id, operation, entity_type, entity_id, action) VALUES ('aud_1', now(), 'usr_1', '[]', 'cor_1', 'seed', 'X', 'x_1', 'CREATE')`,
    );
  }
  await orchestration.query(`INSERT INTO inbox (event_id, type, source, correlation_id, received_at) VALUES ('evt_1', 'OpportunityWon', 'crm', 'cor_1', now())`);
  await orchestration.query(`INSERT INTO entity_versions (entity_type, entity_id, version) VALUES ('Opportunity', 'opp_1', 7)`);
  const before = await startJobQueue(orchestration, { maintenanceIntervalSeconds: 3600 });
  await before.send(QUEUES.step, { runId: 'run_1' });
  await before.stop({ graceful: false, wait: true });
  assert.equal(await jobQueueSchemas(orchestration), 1, 'the job queue had its schema');

  await resetDatabases(dbs, orchestration);

  for (const name of SUBGRAPH_NAMES) assert.equal(await count(dbs[name], `SELECT count(*) AS n FROM audit_log`), 0, `${name} is empty again`);
  assert.equal(await count(orchestration, `SELECT count(*) AS n FROM inbox`), 0, 'no event is remembered as seen');
  assert.equal(await count(orchestration, `SELECT count(*) AS n FROM entity_versions`), 0, 'no entity version is remembered (a new event about opp_1 is not stale)');
  assert.equal(await count(orchestration, `SELECT count(*) AS n FROM saga_runs`), 0, 'the run tables are migrated again, empty');
  assert.equal(await jobQueueSchemas(orchestration), 0, 'the queued job went with the job queue\'s schema');

  // The job queue recreates its schema on the next start, with nothing queued from before.
  const after = await startJobQueue(orchestration, { maintenanceIntervalSeconds: 3600 });
  try {
    assert.deepEqual(await after.fetch(QUEUES.step), [], 'nothing queued before the reset is delivered');
    await after.send(QUEUES.step, { runId: 'run_2' });
    const [job] = await after.fetch<{ runId: string }>(QUEUES.step);
    assert.equal(job?.data.runId, 'run_2');
  } finally {
    await after.stop({ graceful: false, wait: true });
  }
});
