import type { Database } from '../platform/db/database.js';
import type { SubgraphName } from '../platform/topology.js';
import * as crmTables from '../subgraphs/crm/src/repository/tables.js';
import * as psaTables from '../subgraphs/projects/src/repository/tables.js';
import * as billingTables from '../subgraphs/billing/src/repository/tables.js';
import * as financeTables from '../subgraphs/finance/src/repository/tables.js';
import { setNumberSeriesPrefix } from '../subgraphs/billing/src/index.js';
import type { Dataset } from './generate/dataset.js';

/** Bulk-loads what precedes the replayed history: crm, the commercial set-up in billing and finance. */
export async function loadMasterData(dbs: Record<SubgraphName, Database>, ds: Dataset): Promise<void> {
  await dbs.crm.transaction(async (tx) => {
    await crmTables.accounts.insertMany(tx, ds.crm.accounts);
    await crmTables.contacts.insertMany(tx, ds.crm.contacts);
    await crmTables.contracts.insertMany(tx, ds.crm.contracts);
    await crmTables.opportunities.insertMany(tx, ds.crm.opportunities);
    await crmTables.stageHistory.insertMany(tx, ds.crm.stageHistory);
    await crmTables.amendments.insertMany(tx, ds.crm.amendments);
  });
  await dbs.billing.transaction(async (tx) => {
    for (const le of ds.legalEntities) {
      await setNumberSeriesPrefix(tx, le.id, 'INVOICE', le.invoicePrefix);
      await setNumberSeriesPrefix(tx, le.id, 'CREDIT_MEMO', le.creditMemoPrefix);
    }
    await billingTables.rateCards.insertMany(tx, ds.billing.rateCards);
    await billingTables.billingSchedules.insertMany(tx, ds.billing.schedules);
    await billingTables.billableItems.insertMany(tx, ds.billing.items);
  });
  await dbs.finance.transaction(async (tx) => {
    await financeTables.legalEntities.insertMany(tx, ds.finance.legalEntities);
    await financeTables.exchangeRates.insertMany(tx, ds.finance.exchangeRates);
    await financeTables.customerFinancials.insertMany(tx, ds.finance.customers);
    await financeTables.revenueSchedules.insertMany(tx, ds.finance.revenueSchedules);
    await financeTables.revenueLines.insertMany(tx, ds.finance.revenueLines);
  });
}

/** Bulk-loads the delivery system after the history, with each entry's final (billed or not) state. */
export async function loadDelivery(dbs: Record<SubgraphName, Database>, ds: Dataset): Promise<void> {
  await dbs.projects.transaction(async (tx) => {
    await psaTables.resources.insertMany(tx, ds.projects.resources);
    await psaTables.projects.insertMany(tx, ds.projects.projects);
    await psaTables.tasks.insertMany(tx, ds.projects.tasks);
    await psaTables.assignments.insertMany(tx, ds.projects.assignments);
    await psaTables.milestones.insertMany(tx, ds.projects.milestones);
    await psaTables.timeEntries.insertMany(tx, ds.projects.timeEntries);
    await psaTables.expenseEntries.insertMany(tx, ds.projects.expenses);
  });
}
