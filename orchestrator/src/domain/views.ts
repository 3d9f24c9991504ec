import type { ExceptionRecord, RunRecord, RunStatus, StepRecord } from './types.js';

/** A reference to another subgraph's entity. */
export interface EntityRef {
  id: string;
}

/**
 * A flow as the API shows it: its correlation id, and its runs (the root first). A flow whose triggering event has not
 * reached the process layer yet has no runs and is PENDING.
 */
export interface FlowView {
  correlationId: string;
  runs?: RunRecord[];
}

/**
 * Overall status of a flow from its runs (root first): PENDING without runs; RUNNING or COMPENSATING while any run
 * is; then the worst outcome (FAILED, COMPENSATED, CANCELLED); COMPLETED when every run completed. Runs triggered
 * later by the flow's own records (an issued invoice's posting) count as much as the root.
 */
export function flowStatus(runs: readonly RunRecord[]): RunStatus | 'PENDING' {
  if (runs.length === 0) return 'PENDING';
  const statuses = new Set(runs.map((r) => r.status));
  for (const status of ['COMPENSATING', 'RUNNING', 'FAILED', 'COMPENSATED', 'CANCELLED'] as const) if (statuses.has(status)) return status;
  return 'COMPLETED';
}

/** Everything the API reads about a flow. */
export interface FlowDetails {
  runs: RunRecord[];
  steps: StepRecord[];
  exceptions: ExceptionRecord[];
}
