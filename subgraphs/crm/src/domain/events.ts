import { toDecimalString } from '../../../../platform/money/money.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import type { Contract, ContractAmendment, Opportunity } from './types.js';

const moneyOf = (m: { amountMinor: bigint; currency: string }) => ({ amountMinor: m.amountMinor.toString(), currency: m.currency, amount: toDecimalString(m) });

/**
 * `OpportunityClosedWon`: everything the set-up flow needs to create the customer, the project, the billing schedule
 * and the revenue schedule without reading crm again (the commercial terms as they were when it was won).
 */
export function opportunityClosedWon(o: Opportunity, contract: Contract, projectManagerId: string | null): EventDraft {
  return {
    type: 'OpportunityClosedWon',
    entityType: 'Opportunity',
    entityId: o.id,
    entityVersion: o.version,
    payload: {
      opportunityId: o.id, name: o.name, accountId: o.accountId, legalEntityId: o.legalEntityId, pricingModel: o.pricingModel,
      amount: moneyOf(o.amount), expectedStartDate: o.expectedStartDate, closedWonAt: o.closedWonAt, projectManagerId,
      contract: {
        id: contract.id, currency: contract.currency, billingModel: contract.billingModel, startDate: contract.startDate, endDate: contract.endDate,
        paymentTermsDays: contract.paymentTermsDays, totalContractValue: moneyOf(contract.totalContractValue),
        notToExceed: contract.notToExceed ? moneyOf(contract.notToExceed) : null,
      },
    },
  };
}

/** `ContractAmendmentExecuted`: the new terms and the date they apply from. */
export function contractAmendmentExecuted(a: ContractAmendment, contract: Contract): EventDraft {
  return {
    type: 'ContractAmendmentExecuted',
    entityType: 'ContractAmendment',
    entityId: a.id,
    entityVersion: a.version,
    payload: {
      amendmentId: a.id, contractId: a.contractId, opportunityId: contract.opportunityId, accountId: contract.accountId, legalEntityId: a.legalEntityId,
      sequence: a.sequence, effectiveDate: a.effectiveDate, valueDelta: moneyOf(a.valueDelta), rateChanges: a.rateChanges,
      totalContractValue: moneyOf(contract.totalContractValue),
    },
  };
}
