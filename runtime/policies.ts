import type { RowPolicy } from '../platform/auth/row-policy.js';
import type { SubgraphName } from '../platform/topology.js';
import { BILLING_ROW_POLICY } from '../subgraphs/billing/src/auth/row-policy.js';
import { CRM_ROW_POLICY } from '../subgraphs/crm/src/auth/row-policy.js';
import { FINANCE_ROW_POLICY } from '../subgraphs/finance/src/auth/row-policy.js';
import { PROJECTS_ROW_POLICY } from '../subgraphs/projects/src/auth/row-policy.js';

/** The row policies of the four subgraphs (the source the docs table and the access matrix read). */
export const ROW_POLICIES: Record<SubgraphName, RowPolicy> = {
  crm: CRM_ROW_POLICY,
  projects: PROJECTS_ROW_POLICY,
  billing: BILLING_ROW_POLICY,
  finance: FINANCE_ROW_POLICY,
};
