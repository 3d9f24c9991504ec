import type { BaseContext } from '../../../../platform/server/subgraph-schema.js';
import type { FinanceRepository } from '../repository/port.js';
import type { FinanceService } from '../service/finance-service.js';
import type { FinanceLoaders } from './loaders.js';

/** Per-request context of the finance subgraph (the invocation's clock also decides what is overdue today). */
export interface FinanceContext extends BaseContext {
  loaders: FinanceLoaders;
  service: FinanceService;
  repo: FinanceRepository;
}
