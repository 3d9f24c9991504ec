/**
 * `npm run bench`: measures the Engagement query through the gateway against the owning subgraph called directly,
 * at 1 and 50 connections, median of BENCH_RUNS runs (default 5) of BENCH_SECONDS seconds (default 5), and writes
 * bench/results/engagement.{json,md}. Everything runs on loopback; the load generator shares the machine.
 */
import '../gateway/src/telemetry.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../platform/topology.js';
import { benchEngagement } from './engagement.js';
import { startGraphProcess } from './graph-process.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 4600);

function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const log = (s: string) => process.stdout.write(`${s}\n`);
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

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
