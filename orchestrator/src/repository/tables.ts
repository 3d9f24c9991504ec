import { Table } from '../../../platform/db/index.js';
import type { AlertRecord, ExceptionRecord, RunLink, RunRecord, StepRecord } from '../domain/types.js';

export const runs = new Table<RunRecord>({
  table: 'saga_runs',
  fields: {
    id: 'text', correlationId: 'text', sagaType: 'text', naturalKey: 'text', status: 'text', generation: 'int', context: 'jsonb', subjectType: 'text',
    subjectId: 'text', triggerEventId: 'text?', triggeredAt: 'timestamptz', startedAt: 'timestamptz', updatedAt: 'timestamptz',
    completedAt: 'timestamptz?', version: 'int',
  },
});

export const steps = new Table<StepRecord>({
  table: 'saga_steps',
  fields: {
    runId: 'text', name: 'text', seq: 'int', status: 'text', attempts: 'int', leaseToken: 'text?', lastError: 'text?', result: 'jsonb?',
    startedAt: 'timestamptz?', finishedAt: 'timestamptz?', compensatedAt: 'timestamptz?',
  },
});

export const exceptions = new Table<ExceptionRecord>({
  table: 'saga_exceptions',
  fields: {
    id: 'text', runId: 'text', correlationId: 'text', sagaType: 'text', step: 'text', code: 'text', cause: 'text', payload: 'jsonb', attempts: 'int', status: 'text',
    createdAt: 'timestamptz', resolvedAt: 'timestamptz?', resolvedBy: 'text?', resolution: 'text?',
  },
});

export const links = new Table<RunLink>({ table: 'run_links', fields: { runId: 'text', entityType: 'text', entityId: 'text' } });

export const alerts = new Table<AlertRecord>({
  table: 'alerts',
  fields: {
    id: 'text', kind: 'text', projectId: 'text', legalEntityId: 'text?', details: 'jsonb', status: 'text', raisedAt: 'timestamptz', clearedAt: 'timestamptz?',
    correlationId: 'text', version: 'int',
  },
});
