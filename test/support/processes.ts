import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT } from '../../platform/topology.js';

/** A component group of the product running as its own operating-system process (`bin/start.ts --only …`). */
export interface ProductProcess {
  readonly name: string;
  readonly components: string;
  /** Everything the process printed (for diagnostics when a test fails). */
  output(): string;
  /** `kill -9`: no shutdown hook runs, in-flight work is abandoned. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
  readonly exited: boolean;
}

const READY = 'Ctrl-C to stop.';

/** A free TCP port on loopback (the kernel's pick; released before use, which is fine on loopback for tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `bin/start.ts --only <components>` as a child process with the given environment and resolves once it reports
 * that everything it runs has started; rejects with its output if it exits first or takes longer than `timeoutMs`.
 */
export async function startProcess(name: string, components: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ProductProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts', '--only', components], {
    cwd: REPO_ROOT,
    env: { ...env, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    // Bounded: a long fault run keeps the tail, which is what a failure needs.
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} (${components}) did not start within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = () => {
      if (log.includes(READY)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} (${components}) exited during start (code ${code}, signal ${signal}):\n${log}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    name,
    components,
    output: () => log,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await waitForExit(child);
      clearTimeout(timer);
    },
  };
}

/** A client of a gateway over HTTP with one bearer token. */
export interface GatewayClient {
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Posts and fails on any error; returns `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A gateway client acting with `token`. */
export function gatewayClient(url: string, token: string): GatewayClient {
  const post: GatewayClient['post'] = async (query, variables, headers) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  };
  return {
    post,
    data: async (query, variables) => {
      const r = await post(query, variables);
      if (r.status !== 200 || r.body?.errors) throw new Error(`operation failed (${r.status}): ${JSON.stringify(r.body?.errors ?? r.body, null, 2)}`);
      return r.body.data;
    },
  };
}
