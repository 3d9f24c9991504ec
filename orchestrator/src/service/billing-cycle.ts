import { DomainError, ErrorCode } from '../../../platform/domain/errors.js';
import { newId } from '../../../platform/domain/ids.js';
import type { Invocation } from '../../../platform/domain/invocation.js';
import { requireLegalEntityAccess } from '../../../platform/domain/load.js';
import type { SagaEngine } from '../engine/engine.js';
import type { BillingCycleRequest } from '../sagas/billing-cycle.js';

/** What a caller asks of a billing cycle. */
export interface BillingCycleInput {
  throughDate: string;
  issueDate?: string | null;
  legalEntityId?: string | null;
  billingScheduleIds?: readonly string[] | null;
  autoIssue?: boolean | null;
}

/**
 * Starts a billing cycle in the caller's flow (its correlation id) and returns that flow. A caller restricted to some
 * legal entities bills one of them at a time; the cycle only ever bills schedules of the legal entity it names.
 * @throws DomainError BAD_USER_INPUT without a legal entity for a restricted caller; FORBIDDEN for a legal entity the
 * caller may not act in.
 */
export async function startBillingCycle(engine: SagaEngine, inv: Invocation, input: BillingCycleInput): Promise<{ correlationId: string }> {
  if (input.legalEntityId) requireLegalEntityAccess(inv, input.legalEntityId);
  else if (inv.legalEntities !== '*') {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'legalEntityId: is required (you may bill only the legal entities you act in)', { field: 'legalEntityId' });
  }
  if (input.billingScheduleIds && input.billingScheduleIds.length > 10_000) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'billingScheduleIds: at most 10 000 schedules per cycle', { field: 'billingScheduleIds' });
  }
  const request: BillingCycleRequest = {
    throughDate: input.throughDate,
    issueDate: input.issueDate ?? null,
    legalEntityId: input.legalEntityId ?? null,
    billingScheduleIds: input.billingScheduleIds ? [...input.billingScheduleIds] : null,
    autoIssue: input.autoIssue ?? true,
  };
  const cycleId = newId('cyc');
  await engine.startRun(
    { sagaType: 'BILLING_CYCLE', naturalKey: `cycle:${cycleId}`, subject: { typename: 'BillingCycle', id: cycleId }, context: { ...request }, triggeredAt: inv.now() },
    inv.correlationId,
    inv.causationId ?? null,
  );
  return { correlationId: inv.correlationId };
}
