/**
 * Loads a dataset profile into the four systems of record.
 *
 *   npm run seed -- --profile regional            load into empty databases
 *   npm run seed -- --profile regional --reset    drop everything first (the process layer's runs and jobs too), then load
 *   npm run seed -- --profile demo --as-of 2026-06-30
 *
 * Uses the same configuration as `npm start` (DATA_DIR, CRM_DATABASE_URL, …). Stop the graph first when it runs on
 * the embedded databases: a data directory belongs to one process at a time.
 */
import '../gateway/src/telemetry.js';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { isLocalDate } from '../platform/domain/dates.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/topology.js';
import type { Database } from '../platform/db/database.js';
import { runtimeConfigFromEnv } from '../runtime/config.js';
import { openDatabase, type OpenedDatabase } from '../runtime/launcher.js';
import { DEFAULT_AS_OF, resetDatabases, seedDatabases } from '../seed/index.js';
import { readSeedState } from '../seed/marker.js';
import { PROFILES } from '../seed/profiles.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { profile: { type: 'string', default: 'demo' }, reset: { type: 'boolean', default: false }, 'as-of': { type: 'string', default: DEFAULT_AS_OF } } });
  const profile = values.profile as string;
  const asOf = values['as-of'] as string;
  if (!PROFILES[profile]) throw new Error(`Unknown profile "${profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  if (!isLocalDate(asOf)) throw new Error(`--as-of must be a date in YYYY-MM-DD form, got "${asOf}"`);

  const config = runtimeConfigFromEnv();
  const opened: OpenedDatabase[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) opened.push(await openDatabase(name, config));
    const dbs = Object.fromEntries(opened.map((o) => [o.name, o.db])) as Record<SubgraphName, Database>;
    if (values.reset) {
      process.stdout.write('Dropping all data (the process layer\'s too) and re-applying migrations…\n');
      const orchestration = await openDatabase('orchestration', config);
      opened.push(orchestration);
      await resetDatabases(dbs, orchestration.db);
    } else {
      const states = await Promise.all(SUBGRAPH_NAMES.map((n) => readSeedState(dbs[n])));
      const seeded = states.find((s) => s.status !== 'none');
      if (seeded) {
        process.stderr.write(`The databases already hold seeded data (${seeded.status === 'complete' ? `profile ${seeded.profile}` : 'an interrupted run'}); add --reset to replace it.\n`);
        return 2;
      }
    }
    const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
    let phase = '';
    bar.start(1, 0, { phase: 'starting'.padEnd(38) });
    const started = Date.now();
    const summary = await seedDatabases(dbs, profile, {
      asOf,
      onProgress: (p, done, total) => {
        if (p !== phase) {
          phase = p;
          bar.setTotal(Math.max(total, 1));
        }
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { phase: p.padEnd(38) });
      },
    });
    bar.stop();
    process.stdout.write(`Seeded profile ${summary.profile} (as of ${summary.asOf}) in ${((Date.now() - started) / 1000).toFixed(1)} s:\n`);
    for (const [k, v] of Object.entries(summary)) if (typeof v === 'number') process.stdout.write(`  ${k.padEnd(14)} ${v}\n`);
    return 0;
  } finally {
    for (const o of opened) {
      await o.db.close().catch(() => undefined);
      o.release();
    }
  }
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`seed failed: ${(error as Error).message}\n`);
  process.exit(1);
});
