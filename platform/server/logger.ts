import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logger of a component. Every line carries the component name; request-scoped children add the
 * correlation id. Level from `LOG_LEVEL` (default `info`; `silent` in tests).
 */
export function createLogger(component: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: component, level, base: { component }, timestamp: pino.stdTimeFunctions.isoTime });
}
