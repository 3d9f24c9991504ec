import DataLoader from 'dataloader';
import type { Database } from '../../../platform/db/database.js';
import { byIdLoader, groupLoader } from '../../../platform/graphql/loaders.js';
import { runStore, links } from '../repository/store.js';
import { alerts } from '../repository/tables.js';
import type { OrchestrationLoaders } from './context.js';

/** Fresh loaders for one request. */
export function createOrchestrationLoaders(db: Database): OrchestrationLoaders {
  return {
    runsByCorrelation: groupLoader((ids) => runStore.runsByCorrelation(db, ids), (r) => r.correlationId),
    stepsByRun: groupLoader((ids) => runStore.steps(db, ids), (s) => s.runId),
    exceptionsByRun: groupLoader((ids) => runStore.exceptionsOf(db, ids), (e) => e.runId),
    exception: byIdLoader(async (ids) => (await Promise.all(ids.map((id) => runStore.exception(db, id)))).filter((e) => e !== null)),
    linksByRun: groupLoader((ids) => links.findWhere(db, 'run_id = ANY($1::text[])', [ids], 'entity_type, entity_id'), (l) => l.runId),
    alert: byIdLoader((ids) => alerts.findByIds(db, ids)),
    alertsByProject: groupLoader((ids) => alerts.findWhere(db, 'project_id = ANY($1::text[])', [ids], 'raised_at DESC, id DESC'), (a) => a.projectId),
    setupRunByProject: new DataLoader(async (projectIds) => {
      const found = await runStore.runsLinkedTo(db, 'Project', projectIds);
      const runs = await runStore.runsByIds(db, found.filter((f) => f.sagaType === 'WIN_OPPORTUNITY').map((f) => f.runId));
      const byRun = new Map(runs.map((r) => [r.id, r.correlationId]));
      return projectIds.map((id) => byRun.get(found.find((f) => f.entityId === id && byRun.has(f.runId))?.runId ?? '') ?? null);
    }),
  };
}
