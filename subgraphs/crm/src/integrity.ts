import type { IntegritySpec } from '../../../platform/integrity/report.js';

/**
 * What crm offers the invariant check: the won opportunities (each must have exactly one live project, one customer
 * financial and, when billable, one billing schedule) and the customer keys they imply.
 */
export const CRM_INTEGRITY: IntegritySpec = {
  checks: [],
  sets: {
    wonOpportunities: `SELECT o.id AS key FROM opportunities o JOIN opportunity_stages s ON s.code = o.stage_code WHERE s.is_won`,
    wonCustomerKeys: `SELECT DISTINCT o.account_id || ':' || o.legal_entity_id AS key FROM opportunities o JOIN opportunity_stages s ON s.code = o.stage_code WHERE s.is_won`,
  },
};
