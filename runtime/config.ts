import { resolve } from 'node:path';
import { DEFAULT_STEP_CONCURRENCY } from '../orchestrator/src/engine/engine.js';
import { DEFAULT_AUTOVACUUM_SECONDS } from '../platform/db/pglite.js';
import { GRAPH_SERVICES, portOffset, type GraphService } from '../platform/topology.js';

/** Process-wide settings of `npm start` and of each component run on its own. */
export interface RuntimeConfig {
  /** Gateway port (PORT, default 4000). Subgraphs default to PORT+1 … PORT+4. */
  port: number;
  /** Interface every component binds (HOST, default 127.0.0.1). */
  host: string;
  /** Root of the embedded databases (DATA_DIR, default ./data): one PGlite directory per subgraph. */
  dataDir: string;
  /** Per service: its port (CRM_PORT, …, ORCHESTRATION_PORT) and PostgreSQL URL (CRM_DATABASE_URL, …) when not embedded. */
  subgraphs: Record<GraphService, { port: number; databaseUrl?: string }>;
  /** Seed profile loaded into empty databases on start (SEED_ON_START, default `demo`; `none` disables). */
  seedOnStart: string;
  /** Redis for the event bus (REDIS_URL); required when components run as separate processes. */
  redisUrl?: string;
  /** Concurrent saga step workers per process (WORKER_CONCURRENCY, default `DEFAULT_STEP_CONCURRENCY`: 8). */
  workerConcurrency: number;
  /** Seconds before a step attempt of a dead or paused worker is redelivered (STEP_LEASE_SECONDS, default 120). */
  stepLeaseSeconds: number;
  /** Seconds between job-queue maintenance passes that expire such attempts (JOB_MAINTENANCE_SECONDS, default 30). */
  jobMaintenanceSeconds: number;
  /** Seconds between autovacuum passes of the embedded databases (EMBEDDED_AUTOVACUUM_SECONDS, default 10; 0 turns it off). */
  embeddedAutovacuumSeconds: number;
  /** Run each embedded database on a worker thread of its own (EMBEDDED_DB_THREADS, default on; `0` keeps them on the main thread). */
  embeddedThreads: boolean;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** A whole number from `min` to 86 400 (a day in seconds), or the fallback when the variable is unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: 0 | 1 = 1): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 86_400) throw new Error(`${name} must be a whole number from ${min} to 86400, got "${raw}"`);
  return n;
}

/** A yes/no setting: `1`/`true` or `0`/`false`, or the fallback when unset. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (!raw) return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name} must be 1, 0, true or false, got "${raw}"`);
}

/** Reads the runtime configuration from the environment, failing with the variable's name on a bad value. */
export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const base = port(env, 'PORT', 4000);
  const subgraphs = {} as RuntimeConfig['subgraphs'];
  for (const name of GRAPH_SERVICES) {
    const upper = name.toUpperCase();
    // With PORT=0 (ephemeral), every subgraph also takes an ephemeral port.
    subgraphs[name] = { port: port(env, `${upper}_PORT`, base === 0 ? 0 : base + portOffset(name)), databaseUrl: env[`${upper}_DATABASE_URL`] || undefined };
  }
  return {
    port: base,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    subgraphs,
    seedOnStart: env.SEED_ON_START || 'demo',
    redisUrl: env.REDIS_URL || undefined,
    workerConcurrency: wholeNumber(env, 'WORKER_CONCURRENCY', DEFAULT_STEP_CONCURRENCY),
    stepLeaseSeconds: wholeNumber(env, 'STEP_LEASE_SECONDS', 120),
    jobMaintenanceSeconds: wholeNumber(env, 'JOB_MAINTENANCE_SECONDS', 30),
    embeddedAutovacuumSeconds: wholeNumber(env, 'EMBEDDED_AUTOVACUUM_SECONDS', DEFAULT_AUTOVACUUM_SECONDS, 0),
    embeddedThreads: flag(env, 'EMBEDDED_DB_THREADS', true),
  };
}
