import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDatabases } from '../../seed/index.js';
import { startGraph, type Graph } from '../support/graph.js';

/** A portfolio view touching all four systems, several levels deep. */
const PORTFOLIO = `query Portfolio($first: Int!) {
  projects(first: $first) {
    edges { node {
      id name status
      account { id name contacts { lastName } }
      opportunity { amount { amount } closedWonAt stageHistory { toStageCode } }
      contract { totalContractValue { amount currency } amendments { status } }
      deliveredValue { amount } actualCost { amount } approvedMinutes
      billedToDate { amount } unbilledWip { amount }
      billingSchedules { type status }
      invoices { number status total { amount } paymentStatus amountDue { amount } }
      receivables { openAmount { amount } customerFinancial { customerNumber } }
      margin { percent belowThreshold }
      tasks { wbsCode } milestones { status }
      assignments { roleCode resource { displayName } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let graph: Graph;
before(async () => {
  graph = await startGraph({ prepare: async (dbs) => void (await seedDatabases(dbs, 'wide')) });
  // The outbox relays poll the same databases in the background; only the query's own statements are counted here.
  await Promise.all(graph.relays.map((r) => r.stop()));
});
after(async () => graph?.stop());

async function measure(first: number): Promise<{ rows: number; fetches: number; roundTrips: number }> {
  graph.gateway.fetches.take();
  graph.takeRoundTrips();
  const data = await graph.data(PORTFOLIO, { first });
  return { rows: data.projects.edges.length, fetches: graph.gateway.fetches.take(), roundTrips: graph.takeRoundTrips() };
}

test('subgraph fetches and SQL round trips per operation do not grow with the rows returned', async (t) => {
  await measure(10); // warm the query-plan cache; plans do not depend on the page size
  const small = await measure(10);
  const large = await measure(1000);
  t.diagnostic(`10 rows: ${small.fetches} fetches, ${small.roundTrips} SQL round trips; 1000 rows: ${large.fetches} fetches, ${large.roundTrips} SQL round trips`);
  assert.equal(small.rows, 10);
  assert.equal(large.rows, 1000);
  assert.equal(large.fetches, small.fetches, `subgraph fetches: ${small.fetches} for 10 rows, ${large.fetches} for 1000`);
  assert.equal(large.roundTrips, small.roundTrips, `SQL round trips: ${small.roundTrips} for 10 rows, ${large.roundTrips} for 1000`);
  assert.ok(small.fetches <= 12, `a handful of fetches per operation, got ${small.fetches}`);
});
