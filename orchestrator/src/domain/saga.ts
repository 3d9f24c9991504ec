import type { DomainEvent } from '../../../platform/events/event.js';
import type { SubgraphClient } from '../clients/subgraph-client.js';
import type { RunRecord } from './types.js';

/** What a step sees: its run, the key to make its call idempotent, and the clients of the systems of record. */
export interface StepContext {
  run: RunRecord;
  /** Context values produced so far (trigger payload and earlier steps' results). */
  values: Record<string, unknown>;
  /** Deterministic idempotency key of this step for this generation: `{naturalKey}:{step}:g{generation}[:{suffix}]`. */
  key(suffix?: string): string;
  client: SubgraphClient;
}

/** One step: an idempotent call into a system of record, and how to undo its effect if a later step fails for good. */
export interface StepDefinition {
  name: string;
  /** Runs the step; the returned values are merged into the run's context. */
  run(ctx: StepContext): Promise<Record<string, unknown>>;
  /** Undoes the step's effect (void, cancel, unlink; never a delete); idempotent as well. */
  compensate?(ctx: StepContext): Promise<void>;
  /** Skips the step when it does not apply (for example, no billing for non-billable work). */
  applies?(values: Record<string, unknown>): boolean;
  maxAttempts?: number;
}

/**
 * A saga: the event that starts it (none for runs started on request or spawned by another run), its business
 * identity, and its steps in order.
 */
export interface SagaDefinition {
  type: string;
  trigger?: {
    eventType: string;
    /** At most one run per natural key, whatever the redeliveries. */
    naturalKey(event: DomainEvent): string;
    subject(event: DomainEvent): { typename: string; id: string };
    initialContext(event: DomainEvent): Record<string, unknown>;
    /** When the business event happened (for cycle-time KPIs). */
    triggeredAt(event: DomainEvent): string;
    /** Events of the type that should not start a run (for example a re-rating, not an approval). */
    accepts?(event: DomainEvent): boolean;
  };
  steps: StepDefinition[];
  /**
   * Queue priority of the saga's step jobs (default 0): when steps wait for a free worker, those of a higher-priority
   * saga run first, and steps of equal priority run in the order they were queued.
   */
  priority?: number;
}
