import type { SagaDefinition } from '../domain/saga.js';
import { amendmentSaga } from './amendment.js';
import { billApprovedExpensesSaga, billApprovedTimeSaga } from './bill-approved-work.js';
import { billingCycleSaga, billScheduleSaga } from './billing-cycle.js';
import { milestoneSaga } from './milestone.js';
import { postInvoiceSaga } from './post-invoice.js';
import { creditMemoSaga, voidInvoiceSaga } from './reversals.js';
import { winOpportunitySaga } from './win-opportunity.js';

/** Every saga of the process layer. */
export const SAGAS: readonly SagaDefinition[] = [
  winOpportunitySaga,
  billApprovedTimeSaga,
  billApprovedExpensesSaga,
  billingCycleSaga,
  billScheduleSaga,
  postInvoiceSaga,
  milestoneSaga,
  amendmentSaga,
  voidInvoiceSaga,
  creditMemoSaga,
];
