import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRAPH_SERVICES, portOffset, REPO_ROOT, type GraphService } from '../platform/topology.js';

/** The graph started as its own process (as `npm start` does) for load tests, on a throw-away data directory. */
export interface GraphProcess {
  gatewayUrl: string;
  /** The process's data directory (its development keys live under `auth/`). */
  dataDir: string;
  /** A service's own endpoint (a system of record, or `orchestration`, which sits at its own port offset). */
  subgraphUrl(name: string): string;
  pid: number;
  /** The exit code once the process has ended on its own (null while it runs). */
  exitCode(): number | null;
  stop(): Promise<void>;
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`graph process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`graph not ready at ${url} within ${timeoutMs} ms`);
}

/** Graph processes started and not yet stopped: an interrupted benchmark stops them and removes their data. */
const live = new Set<GraphProcess>();
let signalsHandled = false;

/** On Ctrl-C or SIGTERM, stops the live graph processes (and removes their data directories) before exiting. */
function stopOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: stopping ${live.size} graph process(es)\n`);
      void Promise.allSettled([...live].map((g) => g.stop())).then(() => process.exit(code));
    });
  }
}

/**
 * Starts gateway + subgraphs + orchestration in a child process on `port`…`port+5`, seeded with `profile`, and waits for
 * readiness. `env` adds settings on top of the benchmark's (for example WORKER_CONCURRENCY).
 */
export async function startGraphProcess(port: number, profile: string, env: Record<string, string> = {}): Promise<GraphProcess> {
  stopOnSignals();
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-gateway-bench-'));
  // BENCH_GRAPH_NODE_ARGS passes Node flags to the graph process alone (e.g. `--cpu-prof --cpu-prof-dir=…` to profile it).
  const nodeArgs = (process.env.BENCH_GRAPH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(REPO_ROOT, 'bin/start.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: profile, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    live.delete(graph);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const graph: GraphProcess = {
    gatewayUrl: `${base}/graphql`,
    dataDir,
    subgraphUrl: (name) => {
      if (!(GRAPH_SERVICES as readonly string[]).includes(name)) throw new Error(`unknown service ${name}`);
      return `http://127.0.0.1:${port + portOffset(name as GraphService)}/graphql`;
    },
    pid: child.pid as number,
    exitCode: () => child.exitCode,
    stop,
  };
  live.add(graph);
  try {
    await waitForReady(`${base}/readyz`, child, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return graph;
}

/** Peak resident memory of a process in MB (Linux `VmHWM`), or null where /proc is not available. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far, in seconds (user + system, Linux `/proc/<pid>/stat` at 100 ticks a second), or
 * null where /proc is not available.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}
