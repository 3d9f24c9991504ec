import { DomainError, ErrorCode, invalidInput, optionalText, requireLocalDate, requirePositive, requireText } from '../../../../platform/domain/index.js';
import type { Money } from '../../../../platform/money/money.js';
import type { BillingModel, Contract, Opportunity, OpportunityStage, StageChange } from './types.js';

/** Fields a client may set when creating an opportunity. */
export interface NewOpportunity {
  accountId: string;
  name: string;
  stageCode?: string | null;
  amount: Money;
  expectedCloseDate: string;
  pricingModel: BillingModel;
  legalEntityId: string;
  expectedStartDate?: string | null;
  ownerUserId: string;
}

/** Commercial fields a client may change while the opportunity is open. */
export interface OpportunityChanges {
  name?: string | null;
  amount?: Money | null;
  expectedCloseDate?: string | null;
  pricingModel?: BillingModel | null;
  legalEntityId?: string | null;
  expectedStartDate?: string | null;
  contractId?: string | null;
}

function stageByCode(stages: readonly OpportunityStage[], code: string): OpportunityStage {
  const stage = stages.find((s) => s.code === code && s.active);
  if (!stage) throw invalidInput('stageCode', `"${code}" is not an active stage`, { stages: stages.filter((s) => s.active).map((s) => s.code) });
  return stage;
}

/** Builds a new opportunity in an open stage, with its first stage-history record. */
export function createOpportunity(
  id: string,
  historyId: string,
  input: NewOpportunity,
  stages: readonly OpportunityStage[],
  actor: string,
  now: string,
): { opportunity: Opportunity; history: StageChange } {
  const open = stages.filter((s) => s.active && !s.isClosed).sort((a, b) => a.sortOrder - b.sortOrder);
  const stage = input.stageCode ? stageByCode(stages, input.stageCode) : open[0];
  if (!stage) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'No open stage is configured');
  if (stage.isClosed) throw invalidInput('stageCode', 'a new opportunity must start in an open stage');
  const opportunity: Opportunity = {
    id,
    version: 1,
    accountId: input.accountId,
    name: requireText('name', input.name),
    stageCode: stage.code,
    probability: stage.defaultProbability,
    forecastCategory: stage.forecastCategory,
    amount: requirePositive('amount', input.amount),
    expectedCloseDate: requireLocalDate('expectedCloseDate', input.expectedCloseDate),
    closedAt: null,
    closedWonAt: null,
    lossReason: null,
    pricingModel: input.pricingModel,
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    expectedStartDate: input.expectedStartDate ? requireLocalDate('expectedStartDate', input.expectedStartDate) : null,
    contractId: null,
    ownerUserId: requireText('ownerUserId', input.ownerUserId, 100),
    wonCorrelationId: null,
    projectId: null,
    customerFinancialId: null,
    billingScheduleId: null,
    deliveryLinkedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const history: StageChange = { id: historyId, opportunityId: id, fromStageCode: null, toStageCode: stage.code, amount: opportunity.amount, changedAt: now, changedBy: actor };
  return { opportunity, history };
}

/** Changes commercial fields of an open opportunity; a linked contract must be the same account's. */
export function updateOpportunity(current: Opportunity, changes: OpportunityChanges, stages: readonly OpportunityStage[], contract: Contract | null, now: string): Opportunity {
  if (stageOf(current, stages).isClosed) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Opportunity ${current.id} is closed; reopen it before editing`, { entity: 'Opportunity', from: current.stageCode });
  }
  if (changes.contractId && (!contract || contract.accountId !== current.accountId)) {
    throw invalidInput('contractId', 'must be a contract of the same account');
  }
  return {
    ...current,
    version: current.version + 1,
    name: changes.name ? requireText('name', changes.name) : current.name,
    amount: changes.amount ? requirePositive('amount', changes.amount) : current.amount,
    expectedCloseDate: changes.expectedCloseDate ? requireLocalDate('expectedCloseDate', changes.expectedCloseDate) : current.expectedCloseDate,
    pricingModel: changes.pricingModel ?? current.pricingModel,
    legalEntityId: changes.legalEntityId ? requireText('legalEntityId', changes.legalEntityId, 64) : current.legalEntityId,
    expectedStartDate: changes.expectedStartDate !== undefined ? (changes.expectedStartDate ? requireLocalDate('expectedStartDate', changes.expectedStartDate) : null) : current.expectedStartDate,
    contractId: changes.contractId !== undefined ? changes.contractId : current.contractId,
    updatedAt: now,
  };
}

/**
 * Moves an opportunity to another stage.
 *
 * Open → open in any order (sales reality). Open → won requires an amount above zero and an ACTIVATED contract of
 * the same account in the same currency. Open → lost requires a loss reason. A closed opportunity only reopens to an
 * open stage; won ↔ lost directly is refused so every win and loss is a deliberate step with its own history row.
 */
export function changeStage(
  current: Opportunity,
  targetCode: string,
  lossReason: string | null | undefined,
  stages: readonly OpportunityStage[],
  contract: Contract | null,
  historyId: string,
  actor: string,
  now: string,
): { opportunity: Opportunity; history: StageChange } {
  const from = stageOf(current, stages);
  const to = stageByCode(stages, targetCode);
  const refuse = (why: string): never => {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Opportunity cannot move from ${from.code} to ${to.code}: ${why}`, {
      entity: 'Opportunity', from: from.code, to: to.code,
    });
  };
  if (from.code === to.code) refuse('it is already in that stage');
  if (from.isClosed && to.isClosed) refuse('reopen it to an open stage first');

  let next: Opportunity = { ...current, version: current.version + 1, stageCode: to.code, probability: to.defaultProbability, forecastCategory: to.forecastCategory, updatedAt: now };
  if (to.isWon) {
    if (current.amount.amountMinor <= 0n) refuse('the amount must be greater than zero');
    if (!contract) refuse('an ACTIVATED contract must be linked');
    const c = contract as Contract;
    if (c.status !== 'ACTIVATED') refuse(`the linked contract is ${c.status}, not ACTIVATED`);
    if (c.accountId !== current.accountId) refuse('the linked contract belongs to another account');
    if (c.currency !== current.amount.currency) refuse(`the contract currency ${c.currency} differs from the amount currency ${current.amount.currency}`);
    // Delivery is set up from the win, so the start of delivery must be known.
    if (!current.expectedStartDate) throw invalidInput('expectedStartDate', 'is required to win an opportunity (delivery is set up from it)');
    next = { ...next, closedAt: now, closedWonAt: now, lossReason: null };
  } else if (to.isClosed) {
    const reason = optionalText('lossReason', lossReason, 500);
    if (!reason) throw invalidInput('lossReason', 'is required when an opportunity is lost');
    next = { ...next, closedAt: now, closedWonAt: null, lossReason: reason };
  } else if (from.isClosed) {
    next = { ...next, closedAt: null, closedWonAt: null, lossReason: null };
  }
  const history: StageChange = { id: historyId, opportunityId: current.id, fromStageCode: from.code, toStageCode: to.code, amount: current.amount, changedAt: now, changedBy: actor };
  return { opportunity: next, history };
}

/** The delivery records a set-up flow links back to a won opportunity. */
export interface DeliveryLinks {
  projectId: string;
  customerFinancialId: string;
  billingScheduleId: string | null;
}

/**
 * Links the delivery records to a won opportunity (idempotent: the same links again change nothing). Only a won
 * opportunity is linked; different links for an already linked opportunity are a CONFLICT (one project per win).
 */
export function linkDelivery(current: Opportunity, links: DeliveryLinks | null, stages: readonly OpportunityStage[], now: string): Opportunity | null {
  if (links === null) {
    if (current.projectId === null) return null;
    return { ...current, version: current.version + 1, projectId: null, customerFinancialId: null, billingScheduleId: null, deliveryLinkedAt: null, updatedAt: now };
  }
  if (!stageOf(current, stages).isWon) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Opportunity ${current.id} is not won; only won opportunities have delivery`, { entity: 'Opportunity', from: current.stageCode });
  }
  if (current.projectId === links.projectId && current.customerFinancialId === links.customerFinancialId && current.billingScheduleId === links.billingScheduleId) return null;
  if (current.projectId !== null && current.projectId !== links.projectId) {
    throw new DomainError(ErrorCode.CONFLICT, `Opportunity ${current.id} is already delivered by project ${current.projectId}`, { entity: 'Opportunity', projectId: current.projectId });
  }
  return { ...current, version: current.version + 1, ...links, deliveryLinkedAt: now, updatedAt: now };
}

/** Stage flags of an opportunity (for `isClosed` / `isWon`). */
export function stageOf(opportunity: Opportunity, stages: readonly OpportunityStage[]): OpportunityStage {
  const stage = stages.find((s) => s.code === opportunity.stageCode);
  if (!stage) throw new Error(`Opportunity ${opportunity.id} is in unknown stage ${opportunity.stageCode}`);
  return stage;
}
