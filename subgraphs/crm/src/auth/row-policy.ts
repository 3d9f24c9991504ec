import type { RowPolicy } from '../../../../platform/auth/row-policy.js';

/**
 * Row rules of crm. Accounts and contacts are the firm's shared client master data (every legal entity sells to the
 * same clients); opportunities, contracts and amendments belong to the legal entity that sells and signs them.
 */
export const CRM_ROW_POLICY: RowPolicy = {
  Account: { kind: 'shared', note: 'client master data shared by all legal entities' },
  Contact: { kind: 'shared', note: 'client master data shared by all legal entities' },
  Opportunity: { kind: 'legalEntity' },
  Contract: { kind: 'legalEntity' },
  ContractAmendment: { kind: 'legalEntity', note: 'the legal entity of its contract' },
};
