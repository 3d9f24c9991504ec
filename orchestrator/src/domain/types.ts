/** Lifecycle of a flow run. */
export type RunStatus = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'COMPENSATING' | 'COMPENSATED' | 'CANCELLED';
/** Lifecycle of one step of a run. */
export type StepStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'COMPENSATED' | 'SKIPPED';
/** Lifecycle of an exception an operator handles. */
export type ExceptionStatus = 'OPEN' | 'REPLAYED' | 'CANCELLED' | 'RESOLVED';

/** A run of a saga. Runs of one flow share its correlation id. */
export interface RunRecord {
  id: string;
  /** The flow's correlation id, carried by every record, event and log line the run touches. */
  correlationId: string;
  sagaType: string;
  /** Business identity of the flow (`win:{opportunityId}`): at most one run per key. */
  naturalKey: string;
  status: RunStatus;
  /** Incremented on a replay after compensation, so the replayed steps use fresh idempotency keys. */
  generation: number;
  /** What the trigger carried and what steps produced (ids of created records). */
  context: Record<string, unknown>;
  subjectType: string;
  subjectId: string;
  triggerEventId: string | null;
  /** When the business event happened (closed won, approved, …): the start of cycle-time KPIs. */
  triggeredAt: string;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  version: number;
}

export interface StepRecord {
  runId: string;
  name: string;
  seq: number;
  status: StepStatus;
  attempts: number;
  /** Token of the attempt holding the step; a late (zombie) completion with another token is rejected. */
  leaseToken: string | null;
  lastError: string | null;
  result: Record<string, unknown> | null;
  startedAt: string | null;
  finishedAt: string | null;
  compensatedAt: string | null;
}

export interface ExceptionRecord {
  id: string;
  runId: string;
  correlationId: string;
  sagaType: string;
  step: string;
  code: string;
  cause: string;
  payload: Record<string, unknown>;
  attempts: number;
  status: ExceptionStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface RunLink {
  runId: string;
  entityType: string;
  entityId: string;
}

/** Lifecycle of an alert episode. */
export type AlertStatus = 'OPEN' | 'CLEARED';

/** A business alert raised by the process layer: one per breach episode. */
export interface AlertRecord {
  id: string;
  kind: string;
  projectId: string;
  legalEntityId: string | null;
  /** What was measured when it was raised (and, once cleared, when it recovered). */
  details: Record<string, unknown>;
  status: AlertStatus;
  raisedAt: string;
  clearedAt: string | null;
  /** The flow whose change made the margin cross the threshold. */
  correlationId: string;
  version: number;
}
