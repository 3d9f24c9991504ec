import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openSubgraphDatabase, type StorageConfig } from '../../platform/db/open.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../platform/topology.js';
import { SUBGRAPHS } from '../../runtime/registry.js';
import { seedIfEmpty } from '../../seed/index.js';
import { createLogger } from '../../platform/server/logger.js';
import { createTestDatabaseUrl, dropTestDatabases, TEST_DB_ENGINE } from '../support/db.js';
import { startGraph } from '../support/graph.js';
import { allProjectIds, ENGAGEMENT_QUERY } from '../support/queries.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ps-gateway-restart-'));
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropTestDatabases();
});

test('data survives a restart: the same Engagement answers, and no second seeding', async () => {
  const storage = {} as Record<SubgraphName, StorageConfig>;
  for (const name of SUBGRAPH_NAMES) storage[name] = TEST_DB_ENGINE === 'postgres' ? { databaseUrl: await createTestDatabaseUrl(name) } : { dataDir };
  const open = (name: SubgraphName) => openSubgraphDatabase(name, storage[name], SUBGRAPHS[name].migrations());
  const log = createLogger('test', 'silent');

  const answers = async (): Promise<string> => {
    const graph = await startGraph({ open, prepare: (dbs) => seedIfEmpty(dbs, 'demo', log) });
    try {
      const ids = await allProjectIds((q, v) => graph.data(q, v));
      const results = [];
      for (const id of ids) results.push(await graph.data(ENGAGEMENT_QUERY, { id }));
      return JSON.stringify(results);
    } finally {
      await graph.stop();
    }
  };
  const first = await answers();
  const second = await answers();
  assert.ok(first.length > 1000);
  assert.equal(second, first);
});
