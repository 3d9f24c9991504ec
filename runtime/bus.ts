import { InProcessBus, RedisStreamsBus, type EventBus } from '../platform/events/index.js';
import type { Logger } from '../platform/server/logger.js';

/**
 * The event bus of this process: Redis Streams when `REDIS_URL` is set (required when components run as separate
 * processes), else the in-process bus of the one-process default.
 */
export async function createBus(env: NodeJS.ProcessEnv, logger: Logger): Promise<EventBus> {
  if (!env.REDIS_URL) return new InProcessBus();
  return RedisStreamsBus.connect({
    url: env.REDIS_URL,
    stream: env.REDIS_STREAM || 'ps:events',
    // How long an event handed to a consumer that died stays pending before another member takes it over.
    claimIdleMs: claimIdleMs(env.REDIS_CLAIM_IDLE_MS),
    onProblem: (problem, detail) => logger.warn(detail, problem),
  });
}

function claimIdleMs(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) throw new Error(`REDIS_CLAIM_IDLE_MS must be a whole number of milliseconds ≥ 100, got "${raw}"`);
  return ms;
}
