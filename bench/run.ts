/**
 * `npm run bench`: both benchmarks, one after the other (BENCH_ONLY=engagement or BENCH_ONLY=receivable runs one).
 *
 * - engagement: the Engagement query through the gateway against the owning subgraph called directly, at 1 and 50
 *   connections, median of BENCH_RUNS runs (default 5) of BENCH_SECONDS seconds (default 5); writes
 *   bench/results/engagement.{json,md}.
 * - receivable: time entries per second from approval to posted receivable (bench/time-to-receivable.ts),
 *   BENCH_RECEIVABLE_RUNS runs (default 5) of BENCH_RECEIVABLE_ENTRIES entries (default 10 000) and one regional year
 *   of BENCH_RECEIVABLE_YEAR entries (default 115 000; 0 skips it), each on a fresh graph process; writes
 *   bench/results/time-to-receivable.{json,md} (or BENCH_RECEIVABLE_OUT.{json,md}). Further knobs:
 *   BENCH_RECEIVABLE_PROJECTS (40), BENCH_RECEIVABLE_APPROVAL_PERIOD (week | month), BENCH_RECEIVABLE_APPROVAL_CONCURRENCY
 *   (4), BENCH_RECEIVABLE_APPROVAL_BATCH (≤ 1000), BENCH_RECEIVABLE_CREATE_PATH (subgraph | gateway),
 *   BENCH_RECEIVABLE_CREATE_CONCURRENCY, BENCH_RECEIVABLE_CREATE_ALIASES (25), BENCH_RECEIVABLE_POLL_MS (250),
 *   BENCH_RECEIVABLE_PHASE_TIMEOUT_S (1800), BENCH_RECEIVABLE_PORT (BENCH_PORT + 10); WORKER_CONCURRENCY and the other
 *   runtime settings reach the graph process through the environment; BENCH_GRAPH_NODE_ARGS adds Node flags to the
 *   graph process alone (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes).
 *
 * Everything runs on loopback; the load generator shares the machine.
 */
import '../gateway/src/telemetry.js';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../platform/topology.js';
import { benchEngagement } from './engagement.js';
import { peakRssMb, startGraphProcess } from './graph-process.js';
import { runReceivableSuite } from './time-to-receivable.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 4600);
const BENCHES = ['engagement', 'receivable'] as const;

const log = (s: string) => process.stdout.write(`${s}\n`);

/** The benchmarks BENCH_ONLY selects (all of them when unset). */
function selected(): ReadonlyArray<(typeof BENCHES)[number]> {
  const only = process.env.BENCH_ONLY;
  if (!only) return BENCHES;
  if (!(BENCHES as readonly string[]).includes(only)) throw new Error(`BENCH_ONLY must be one of ${BENCHES.join(', ')}, got "${only}"`);
  return [only as (typeof BENCHES)[number]];
}

/** The Engagement query benchmark. */
async function engagementBench(): Promise<void> {
  log(`starting the graph (demo profile) on ports ${port}…${port + 4}`);
  const graph = await startGraphProcess(port, 'demo');
  try {
    const { projectId, rows } = await benchEngagement(graph, [1, 50], runs, seconds, log);
    const rss = peakRssMb(graph.pid);
    const result = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      method: { runs, secondsPerRun: seconds, statistic: 'median over runs of each run\'s p50/p99 latency (ms) and mean req/s', tool: 'autocannon', dataset: 'demo', projectId },
      engagement: rows.map((r) => ({ connections: r.connections, gateway: { p50: r.gateway.p50, p99: r.gateway.p99, rps: Math.round(r.gateway.rps) }, direct: { p50: r.direct.p50, p99: r.direct.p99, rps: Math.round(r.direct.rps) }, latencyRatio: Number(r.latencyRatio.toFixed(2)), throughputRatio: Number(r.throughputRatio.toFixed(2)) })),
      graphProcessPeakRssMb: rss,
    };
    writeFileSync(join(REPO_ROOT, 'bench/results/engagement.json'), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Engagement query benchmark',
      '',
      `Measured ${result.measuredAt} on ${result.machine.cpus} CPUs (${result.machine.cpuModel}), Node ${result.machine.node}; gateway, four subgraphs (one process, embedded PGlite, demo profile) and autocannon share the machine.`,
      `Each cell is the median of ${runs} runs of ${seconds} s; gateway and direct runs are interleaved.`,
      '',
      '| connections | gateway p50 (ms) | gateway p99 (ms) | gateway req/s | owning subgraph p50 (ms) | owning subgraph req/s | p50 ratio | throughput ratio |',
      '|---|---|---|---|---|---|---|---|',
      ...result.engagement.map((r) => `| ${r.connections} | ${r.gateway.p50} | ${r.gateway.p99} | ${r.gateway.rps} | ${r.direct.p50} | ${r.direct.rps} | ${r.latencyRatio} | ${r.throughputRatio} |`),
      '',
      `"Owning subgraph" is the projects subgraph answering its own part of the query (project, status, delivered value, actual cost) directly; the gateway answers the whole Engagement query across four subgraphs. Peak RSS of the graph process: ${rss ?? 'n/a'} MB.`,
      '',
    ].join('\n');
    writeFileSync(join(REPO_ROOT, 'bench/results/engagement.md'), md);
    log(md);
  } finally {
    await graph.stop();
  }
}

async function main(): Promise<void> {
  const benches = selected();
  if (benches.includes('engagement')) await engagementBench();
  if (benches.includes('receivable')) {
    const results = await runReceivableSuite(log);
    const all = [...results.sample.runs, ...(results.year ? [results.year] : [])];
    // Results are written either way; a failed run or check still fails the command.
    if (results.failures.length > 0 || all.some((r) => !r.correct)) throw new Error('time-to-receivable: a run failed or a check did not pass (see bench/results/time-to-receivable.md)');
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
