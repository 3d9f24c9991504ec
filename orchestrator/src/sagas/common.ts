import type { StepContext } from '../domain/saga.js';

/** Money as events carry it and as `MoneyInput` takes it: minor units as a string, and the currency. */
export interface MoneyPayload {
  amountMinor: string;
  currency: string;
}

/** The `MoneyInput` of an event's money (events may carry a formatted `amount` as well, which inputs do not take). */
export const moneyInput = (m: MoneyPayload): MoneyPayload => ({ amountMinor: m.amountMinor, currency: m.currency });

/** Correlation of a step's calls: the run's flow, caused by the event that started it. */
export const callScope = (ctx: StepContext) => ({ correlationId: ctx.run.correlationId, causationId: ctx.run.triggerEventId });

/** The run's context values, typed as the trigger's payload plus what earlier steps added. */
export const valuesOf = <T>(ctx: StepContext): T & Record<string, unknown> => ctx.values as T & Record<string, unknown>;

/** Runs one operation against a system of record in the step's flow. */
export function call<T = any>(ctx: StepContext, subgraph: Parameters<StepContext['client']['call']>[0], query: string, variables: Record<string, unknown>): Promise<T> {
  return ctx.client.call<T>(subgraph, query, variables, callScope(ctx));
}

/** The calendar date of an ISO timestamp (UTC). */
export const dateOf = (timestamp: string): string => timestamp.slice(0, 10);
