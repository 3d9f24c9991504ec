import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../platform/topology.js';

/** The graph started as its own process (as `npm start` does) for load tests, on a throw-away data directory. */
export interface GraphProcess {
  gatewayUrl: string;
  /** The process's data directory (its development keys live under `auth/`). */
  dataDir: string;
  subgraphUrl(name: string): string;
  pid: number;
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

/** Starts gateway + subgraphs in a child process on `port`…`port+4`, seeded with `profile`, and waits for readiness. */
export async function startGraphProcess(port: number, profile: string): Promise<GraphProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-gateway-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bin/start.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: profile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const names = ['crm', 'projects', 'billing', 'finance'];
  try {
    await waitForReady(`${base}/readyz`, child, 180_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    gatewayUrl: `${base}/graphql`,
    dataDir,
    subgraphUrl: (name) => `http://127.0.0.1:${port + names.indexOf(name) + 1}/graphql`,
    pid: child.pid as number,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
