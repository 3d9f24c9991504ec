import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import { freePort } from './processes.js';
import { waitFor } from './wait.js';

/** A server the fault tests own (so they may `kill -9` it without touching the machine's shared services). */
export interface PrivateService {
  readonly url: string;
  /** `kill -9` of the server process. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it answers. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function spawnServer(command: string, args: readonly string[], what: string): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  child.on('error', (error) => append(Buffer.from(`${what} failed to start: ${error.message}`)));
  return { child, output: () => log };
}

/**
 * A Redis server of the test's own on a free loopback port, configured as production must configure the bus: every
 * acknowledged write is on disk before the reply (`appendfsync always`), so a `kill -9` loses no published event.
 */
export async function startPrivateRedis(): Promise<PrivateService> {
  const dir = mkdtempSync(join(tmpdir(), 'ps-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no'];
  let server = spawnServer('redis-server', args, 'redis-server');
  const ready = async () => {
    await waitFor(async () => {
      if (server.child.exitCode !== null) throw new Error(`redis-server exited: ${server.output()}`);
      const client = createClient({ url, socket: { reconnectStrategy: false } });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        if (client.isOpen) await client.quit().catch(() => undefined);
      }
    }, 15_000, `redis-server on ${port}`, 50);
  };
  await ready();
  return {
    url,
    kill9: async () => {
      server.child.kill('SIGKILL');
      await exited(server.child);
    },
    restart: async () => {
      server = spawnServer('redis-server', args, 'redis-server');
      await ready();
    },
    stop: async () => {
      server.child.kill('SIGKILL');
      await exited(server.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server binaries of this machine (Debian's layout: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (majors.length === 0) throw new Error('PostgreSQL server binaries are required for the fault tests (Debian package postgresql) but none were found under /usr/lib/postgresql');
  return join(root, majors[0] as string, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user. */
function asServerUser(command: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, trust on loopback, a free port), with
 * durable commits as in production, so that `kill -9` of the postmaster is a real crash followed by crash recovery.
 * `url` is its `postgres` maintenance database; `createDatabase` adds empty databases.
 */
export async function startPrivatePostgres(): Promise<PrivateService & { createDatabase(name: string): Promise<string> }> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'ps-pg-'));
  const dataDir = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
  }
  const [initCmd, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const [cmd, args] = asServerUser(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on']);
  let server = spawnServer(cmd, args, 'postgres');
  const ready = async () => {
    await waitFor(async () => {
      if (server.child.exitCode !== null) throw new Error(`postgres exited: ${server.output()}`);
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    }, 60_000, `postgres on ${port}`, 100);
  };
  /** The postmaster's pid (under runuser the child is runuser itself). */
  const postmasterPid = (): number => {
    const pidFile = spawnSync('head', ['-1', join(dataDir, 'postmaster.pid')], { encoding: 'utf8' });
    const pid = Number(pidFile.stdout.trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error('no postmaster.pid');
    return pid;
  };
  await ready();
  return {
    url,
    createDatabase: async (name) => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    kill9: async () => {
      const pm = postmasterPid();
      const children = spawnSync('pgrep', ['-P', String(pm)], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter((n) => n > 0);
      process.kill(pm, 'SIGKILL');
      await exited(server.child);
      // The backends notice the postmaster's death and exit; a new postmaster refuses to start while they hold its
      // shared memory.
      const alive = (pid: number): boolean => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await waitFor(async () => !children.some(alive), 30_000, 'the crashed server\'s backends to exit', 50);
    },
    restart: async () => {
      server = spawnServer(cmd, args, 'postgres');
      await ready();
    },
    stop: async () => {
      if (server.child.exitCode === null) {
        try {
          process.kill(postmasterPid(), 'SIGQUIT');
        } catch {
          server.child.kill('SIGKILL');
        }
        await exited(server.child);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
