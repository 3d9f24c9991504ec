import type { Database } from '../platform/db/database.js';
import type { Migration } from '../platform/db/migrate.js';
import { migrateSubgraphDatabase } from '../platform/db/open.js';
import { runWithIdSource } from '../platform/domain/ids.js';
import type { Logger } from '../platform/server/logger.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/topology.js';
import { SUBGRAPHS } from '../runtime/registry.js';
import { JOB_QUEUE_SCHEMA } from '../orchestrator/src/engine/jobs.js';
import { orchestrationMigrations } from '../orchestrator/src/index.js';
import * as billingTables from '../subgraphs/billing/src/repository/tables.js';
import { createBillingSubgraph } from '../subgraphs/billing/src/index.js';
import { createFinanceSubgraph } from '../subgraphs/finance/src/index.js';
import type * as Billing from '../subgraphs/billing/src/domain/types.js';
import { generateDataset } from './generate/index.js';
import { replayHistory } from './history.js';
import { loadDelivery, loadMasterData } from './load.js';
import { markSeedComplete, markSeedStarted, readSeedState } from './marker.js';
import { profileByName, type SeedProfile } from './profiles.js';
import { SeededRandom } from './random.js';

/** The business date the generated history ends on, unless `--as-of` says otherwise (fixed, so data is reproducible). */
export const DEFAULT_AS_OF = '2026-11-20';

/** Options of a seed run. */
export interface SeedOptions {
  asOf?: string;
  /** Called with the phase and, during the replay, events done and known. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Counts of what a seed run produced. */
export interface SeedSummary {
  profile: string;
  asOf: string;
  accounts: number;
  projects: number;
  timeEntries: number;
  billableItems: number;
  invoices: number;
  receivables: number;
  payments: number;
}

/**
 * Generates a profile's dataset and writes it into the four systems of record: master data and the commercial
 * set-up in bulk, then a replay of the billing and accounting history through the billing and finance services,
 * then the delivery data with its final billed states. Seed markers record start and completion in every database.
 */
export async function seedDatabases(dbs: Record<SubgraphName, Database>, profileName: string, options: SeedOptions = {}): Promise<SeedSummary> {
  const profile: SeedProfile = profileByName(profileName);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const progress = options.onProgress ?? (() => undefined);
  const rnd = new SeededRandom(profile.seed, Date.parse(`${asOf}T00:00:00Z`) - 400 * 86_400_000);

  progress('generating', 0, 1);
  const { ds, items } = generateDataset(rnd, profile, asOf);
  for (const name of SUBGRAPH_NAMES) await markSeedStarted(dbs[name], profile.name, asOf);

  progress('loading master data', 0, 1);
  await loadMasterData(dbs, ds);

  const billing = createBillingSubgraph(dbs.billing);
  const finance = createFinanceSubgraph(dbs.finance);
  await runWithIdSource(rnd.idSource(), () =>
    replayHistory(ds, items, { billing: { service: billing.service, repo: billing.repo }, finance: { service: finance.service, repo: finance.repo } }, rnd, (done, total) => progress('replaying billing and ledger history', done, total)),
  );

  progress('loading delivery data', 0, 1);
  const finalItems = await billing.repo.itemsByIds(items.map((s) => s.item.id));
  applyBilledStates(ds, finalItems);
  await updateScheduleLines(dbs.billing, ds.billing.schedules, finalItems);
  await loadDelivery(dbs, ds);
  // The replayed history went through the services and so through their outboxes; it is history, not news: no flow
  // may start from it (the seeded records are already in their final states).
  for (const name of SUBGRAPH_NAMES) await dbs[name].query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
  for (const name of SUBGRAPH_NAMES) await markSeedComplete(dbs[name]);

  const count = async (db: Database, table: string) => Number((await db.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM ${table}`))[0]?.n ?? 0n);
  return {
    profile: profile.name, asOf,
    accounts: ds.crm.accounts.length, projects: ds.projects.projects.length, timeEntries: ds.projects.timeEntries.length, billableItems: items.length,
    invoices: await count(dbs.billing, 'invoices'), receivables: await count(dbs.finance, 'receivables'), payments: await count(dbs.finance, 'payments'),
  };
}

/** Time and expense entries whose billable item ended INVOICED are BILLED, one version later. */
function applyBilledStates(ds: ReturnType<typeof generateDataset>['ds'], finalItems: Billing.BillableItem[]): void {
  const invoiced = new Map(finalItems.filter((i) => i.status === 'INVOICED').map((i) => [i.sourceId, i]));
  for (const entry of [...ds.projects.timeEntries, ...ds.projects.expenses]) {
    const item = invoiced.get(entry.id);
    if (!item || entry.status !== 'APPROVED') continue;
    entry.status = 'BILLED';
    entry.version += 1;
    entry.updatedAt = item.updatedAt;
  }
}

/** Schedule lines follow their items: BILLED once invoiced. */
async function updateScheduleLines(db: Database, schedules: Billing.BillingSchedule[], finalItems: Billing.BillableItem[]): Promise<void> {
  const status = new Map(finalItems.map((i) => [i.id, i.status]));
  await db.transaction(async (tx) => {
    for (const schedule of schedules) {
      let changed = false;
      for (const line of schedule.lines) {
        if (line.billableItemId && status.get(line.billableItemId) === 'INVOICED' && line.status !== 'BILLED') {
          line.status = 'BILLED';
          changed = true;
        }
      }
      if (changed) await billingTables.billingSchedules.updateIfVersion(tx, schedule, schedule.version);
    }
  });
}

/** True when none of the four databases holds business data yet. */
async function allEmpty(dbs: Record<SubgraphName, Database>): Promise<boolean> {
  const probes: Array<[SubgraphName, string]> = [['crm', 'accounts'], ['projects', 'projects'], ['billing', 'billing_schedules'], ['finance', 'legal_entities']];
  for (const [name, table] of probes) {
    const rows = await dbs[name].query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
    if (rows[0]?.any) return false;
  }
  return true;
}

/**
 * Seeds on first start: when every database is empty, loads `profile`; when a previous seed was interrupted, refuses
 * with the command that starts over; otherwise leaves the data alone.
 */
export async function seedIfEmpty(dbs: Record<SubgraphName, Database>, profile: string, log: Logger): Promise<void> {
  const states = await Promise.all(SUBGRAPH_NAMES.map((name) => readSeedState(dbs[name])));
  if (states.some((s) => s.status === 'started')) {
    throw new Error('A previous seed run did not finish; run `npm run seed -- --profile demo --reset` to start over');
  }
  if (states.some((s) => s.status === 'complete') || !(await allEmpty(dbs))) return;
  log.info({ profile }, 'empty databases: seeding');
  const started = Date.now();
  const summary = await seedDatabases(dbs, profile);
  log.info({ ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 }, 'seeded');
}

/** Empties one database: its tables and the job queue's schema go, then its migrations apply again. */
async function resetDatabase(name: string, db: Database, migrations: readonly Migration[]): Promise<void> {
  await db.exec(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  await migrateSubgraphDatabase(name, db, migrations);
}

/**
 * Drops every table of the four systems of record and of the process layer, and re-applies the migrations
 * (`npm run seed -- --reset`). The process layer goes too: seeded ids are reproducible, so runs, inbox entries and
 * entity versions left from before would take the new records' events for duplicates or stale ones.
 */
export async function resetDatabases(dbs: Record<SubgraphName, Database>, orchestration: Database): Promise<void> {
  for (const name of SUBGRAPH_NAMES) await resetDatabase(name, dbs[name], SUBGRAPHS[name].migrations());
  await resetDatabase('orchestration', orchestration, orchestrationMigrations());
}

