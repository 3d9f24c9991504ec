import type { BaseContext } from '../../../../platform/server/subgraph-schema.js';
import type { BillingRepository } from '../repository/port.js';
import type { BillingService } from '../service/billing-service.js';
import type { BillingLoaders } from './loaders.js';

/** Per-request context of the billing subgraph: the caller (principal, invocation), its loaders, the use cases. */
export interface BillingContext extends BaseContext {
  loaders: BillingLoaders;
  service: BillingService;
  repo: BillingRepository;
}
