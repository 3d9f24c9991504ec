import {
  DomainError, ErrorCode, invalidInput, nextState, optionalText, requireCurrency, requireDecimal, requireInt, requireLocalDate,
  requireNonNegative, requireOrderedDates, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { add, type Money } from '../../../../platform/money/money.js';
import type { AmendmentStatus, BillingModel, Contract, ContractAmendment, ContractKind, ContractStatus } from './types.js';

/** Contract lifecycle (Salesforce status codes). */
export const CONTRACT_TRANSITIONS: TransitionTable<ContractStatus, 'SUBMIT' | 'ACTIVATE' | 'REJECT' | 'TERMINATE' | 'EXPIRE'> = {
  SUBMIT: { from: ['DRAFT'], to: 'IN_APPROVAL' },
  ACTIVATE: { from: ['IN_APPROVAL'], to: 'ACTIVATED' },
  REJECT: { from: ['IN_APPROVAL'], to: 'DRAFT' },
  TERMINATE: { from: ['ACTIVATED'], to: 'TERMINATED' },
  EXPIRE: { from: ['ACTIVATED'], to: 'EXPIRED' },
};
export type ContractAction = keyof typeof CONTRACT_TRANSITIONS;

/** Amendment lifecycle; only EXECUTED amendments change the contract. */
export const AMENDMENT_TRANSITIONS: TransitionTable<AmendmentStatus, 'SUBMIT' | 'EXECUTE' | 'REJECT' | 'WITHDRAW'> = {
  SUBMIT: { from: ['DRAFT'], to: 'IN_APPROVAL' },
  EXECUTE: { from: ['IN_APPROVAL'], to: 'EXECUTED' },
  REJECT: { from: ['IN_APPROVAL'], to: 'REJECTED' },
  WITHDRAW: { from: ['DRAFT'], to: 'WITHDRAWN' },
};
export type AmendmentAction = keyof typeof AMENDMENT_TRANSITIONS;

/** Fields a client may set when creating a contract. */
export interface NewContract {
  accountId: string;
  opportunityId?: string | null;
  kind: ContractKind;
  parentContractId?: string | null;
  legalEntityId: string;
  startDate: string;
  endDate?: string | null;
  billingModel: BillingModel;
  originalValue: Money;
  notToExceed?: Money | null;
  paymentTermsDays?: number | null;
}

/** Fields that may change while a contract is DRAFT; absent fields stay, null clears optional ones. */
export interface ContractChanges {
  startDate?: string | null;
  endDate?: string | null;
  originalValue?: Money | null;
  notToExceed?: Money | null;
  paymentTermsDays?: number | null;
}

/** Builds a DRAFT contract; every amount is in the original value's currency. */
export function createContract(id: string, input: NewContract, now: string): Contract {
  const startDate = requireLocalDate('startDate', input.startDate);
  const endDate = input.endDate ? requireLocalDate('endDate', input.endDate) : null;
  requireOrderedDates('endDate', startDate, endDate);
  const originalValue = requireNonNegative('originalValue', input.originalValue);
  const currency = originalValue.currency;
  const notToExceed = input.notToExceed ? requireCurrency('notToExceed', requireNonNegative('notToExceed', input.notToExceed), currency) : null;
  return {
    id,
    version: 1,
    accountId: input.accountId,
    opportunityId: input.opportunityId ?? null,
    kind: input.kind,
    parentContractId: input.parentContractId ?? null,
    status: 'DRAFT',
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    startDate,
    endDate,
    currency,
    billingModel: input.billingModel,
    notToExceed,
    paymentTermsDays: requireInt('paymentTermsDays', input.paymentTermsDays ?? 30, 0, 365),
    originalValue,
    totalContractValue: originalValue,
    signedAt: null,
    activatedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Changes a DRAFT contract; signed contracts change only through amendments. */
export function updateContract(current: Contract, changes: ContractChanges, now: string): Contract {
  if (current.status !== 'DRAFT') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Contract ${current.id} is ${current.status}; only DRAFT contracts can be edited (amend it instead)`, { entity: 'Contract', from: current.status });
  }
  const startDate = changes.startDate ? requireLocalDate('startDate', changes.startDate) : current.startDate;
  const endDate = changes.endDate !== undefined ? (changes.endDate ? requireLocalDate('endDate', changes.endDate) : null) : current.endDate;
  requireOrderedDates('endDate', startDate, endDate);
  const originalValue = changes.originalValue ? requireCurrency('originalValue', requireNonNegative('originalValue', changes.originalValue), current.currency) : current.originalValue;
  return {
    ...current,
    version: current.version + 1,
    startDate,
    endDate,
    originalValue,
    totalContractValue: originalValue,
    notToExceed: changes.notToExceed !== undefined ? (changes.notToExceed ? requireCurrency('notToExceed', changes.notToExceed, current.currency) : null) : current.notToExceed,
    paymentTermsDays: changes.paymentTermsDays !== undefined && changes.paymentTermsDays !== null ? requireInt('paymentTermsDays', changes.paymentTermsDays, 0, 365) : current.paymentTermsDays,
    updatedAt: now,
  };
}

/** Applies a lifecycle action; activation records signature and activation time. */
export function transitionContract(current: Contract, action: ContractAction, now: string): Contract {
  const status = nextState('Contract', CONTRACT_TRANSITIONS, current.status, action);
  return {
    ...current,
    version: current.version + 1,
    status,
    signedAt: action === 'ACTIVATE' ? now : current.signedAt,
    activatedAt: action === 'ACTIVATE' ? now : current.activatedAt,
    updatedAt: now,
  };
}

/** Fields of a new amendment. */
export interface NewAmendment {
  effectiveDate: string;
  valueDelta: Money;
  rateChanges?: Array<{ roleCode: string; level?: string | null; billRate: string }> | null;
  description: string;
  changeRequestId?: string | null;
}

/** Drafts the next amendment of an ACTIVATED contract. */
export function createAmendment(id: string, contract: Contract, sequence: number, input: NewAmendment, now: string): ContractAmendment {
  if (contract.status !== 'ACTIVATED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Contract ${contract.id} is ${contract.status}; only ACTIVATED contracts can be amended`, { entity: 'Contract', from: contract.status });
  }
  const effectiveDate = requireLocalDate('effectiveDate', input.effectiveDate);
  if (effectiveDate < contract.startDate) throw invalidInput('effectiveDate', `must not be before the contract start ${contract.startDate}`);
  const rateChanges = (input.rateChanges ?? []).map((r, i) => ({
    roleCode: requireText(`rateChanges[${i}].roleCode`, r.roleCode, 64),
    level: optionalText(`rateChanges[${i}].level`, r.level, 32),
    billRate: requireDecimal(`rateChanges[${i}].billRate`, r.billRate, 4, '0').toFixed(4),
  }));
  return {
    id,
    version: 1,
    contractId: contract.id,
    legalEntityId: contract.legalEntityId,
    sequence,
    status: 'DRAFT',
    effectiveDate,
    valueDelta: requireCurrency('valueDelta', input.valueDelta, contract.currency),
    rateChanges,
    description: requireText('description', input.description, 2000),
    changeRequestId: input.changeRequestId ?? null,
    executedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Applies a lifecycle action to an amendment. Executing it returns the contract with its total value changed;
 * a total below zero is refused.
 */
export function transitionAmendment(current: ContractAmendment, contract: Contract, action: AmendmentAction, now: string): { amendment: ContractAmendment; contract: Contract | null } {
  const status = nextState('ContractAmendment', AMENDMENT_TRANSITIONS, current.status, action);
  const amendment = { ...current, version: current.version + 1, status, executedAt: action === 'EXECUTE' ? now : current.executedAt, updatedAt: now };
  if (action !== 'EXECUTE') return { amendment, contract: null };
  if (contract.status !== 'ACTIVATED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Contract ${contract.id} is ${contract.status}; amendments execute only on ACTIVATED contracts`, { entity: 'Contract', from: contract.status });
  }
  const total = add(contract.totalContractValue, current.valueDelta);
  if (total.amountMinor < 0n) throw invalidInput('valueDelta', 'would make the total contract value negative');
  return { amendment, contract: { ...contract, version: contract.version + 1, totalContractValue: total, updatedAt: now } };
}
