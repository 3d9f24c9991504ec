import type { BaseContext } from '../../../../platform/server/subgraph-schema.js';
import type { CrmRepository } from '../repository/port.js';
import type { CrmService } from '../service/crm-service.js';
import type { CrmLoaders } from './loaders.js';

/** Per-request context of the crm subgraph. */
export interface CrmContext extends BaseContext {
  loaders: CrmLoaders;
  service: CrmService;
  repo: CrmRepository;
}
