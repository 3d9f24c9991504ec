import type DataLoader from 'dataloader';
import type { Database } from '../../../platform/db/database.js';
import type { BaseContext } from '../../../platform/server/subgraph-schema.js';
import type { AlertRecord, ExceptionRecord, RunRecord, StepRecord, RunLink } from '../domain/types.js';
import type { SagaEngine } from '../engine/engine.js';

/** Per-request loaders of the orchestration API. */
export interface OrchestrationLoaders {
  runsByCorrelation: DataLoader<string, RunRecord[]>;
  stepsByRun: DataLoader<string, StepRecord[]>;
  exceptionsByRun: DataLoader<string, ExceptionRecord[]>;
  exception: DataLoader<string, ExceptionRecord | null>;
  linksByRun: DataLoader<string, RunLink[]>;
  setupRunByProject: DataLoader<string, string | null>;
  alert: DataLoader<string, AlertRecord | null>;
  /** A project's alert episodes, newest first. */
  alertsByProject: DataLoader<string, AlertRecord[]>;
}

/** Per-request context of the orchestration subgraph. */
export interface OrchestrationContext extends BaseContext {
  db: Database;
  engine: SagaEngine;
  loaders: OrchestrationLoaders;
}
