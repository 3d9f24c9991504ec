import { addDays, periodOf } from '../platform/domain/dates.js';
import type { Invocation } from '../platform/domain/invocation.js';
import { multiply, type Money } from '../platform/money/money.js';
import { Decimal } from '../platform/money/decimal.js';
import type { BillingService } from '../subgraphs/billing/src/service/billing-service.js';
import type { BillingRepository } from '../subgraphs/billing/src/repository/port.js';
import type { FinanceService } from '../subgraphs/finance/src/service/finance-service.js';
import type { FinanceRepository } from '../subgraphs/finance/src/repository/port.js';
import type * as Psa from '../subgraphs/projects/src/domain/types.js';
import { at, businessDayOnOrAfter, monthEnd, monthsBetween, nextMonthStart } from './generate/calendar.js';
import type { Dataset, Engagement } from './generate/dataset.js';
import type { SeedItem } from './generate/items.js';
import type { SeededRandom } from './random.js';

/** The billing engine and the ERP, as the history is replayed through them. */
export interface HistorySystems {
  billing: { service: BillingService; repo: BillingRepository };
  finance: { service: FinanceService; repo: FinanceRepository };
}

type Event =
  | { kind: 'recognize'; date: string; scheduleId: string; period: string; milestoneId: string | null }
  | { kind: 'run'; date: string; engagement: Engagement; month: string }
  | { kind: 'post'; date: string; engagement: Engagement; invoiceId: string }
  | { kind: 'credit'; date: string; engagement: Engagement; invoiceId: string; full: boolean }
  | { kind: 'pay'; date: string; engagement: Engagement; receivableId: string; share: Decimal | null };

const ORDER: Record<Event['kind'], number> = { recognize: 0, run: 1, post: 2, credit: 3, pay: 4 };

/** A priority queue of dated events (date, then kind, then insertion order). */
class Agenda {
  private events: Array<{ e: Event; seq: number }> = [];
  private seq = 0;
  push(e: Event): void {
    this.events.push({ e, seq: this.seq++ });
  }
  /** Removes and returns every event, in order, including those pushed while draining. */
  *drain(): Generator<Event> {
    for (;;) {
      if (this.events.length === 0) return;
      this.events.sort((a, b) => (a.e.date !== b.e.date ? (a.e.date < b.e.date ? -1 : 1) : ORDER[a.e.kind] !== ORDER[b.e.kind] ? ORDER[a.e.kind] - ORDER[b.e.kind] : a.seq - b.seq));
      const next = this.events.shift() as { e: Event };
      yield next.e;
    }
  }
  get size(): number {
    return this.events.length;
  }
}

/**
 * Replays a year of billing and accounting through the real billing and finance services, day by day: monthly billing
 * runs per schedule, posting to the ledger, a few voids and credit memos, customer payments (some late, some in two
 * instalments) and revenue recognition. Every document therefore obeys the same rules as live traffic: gapless
 * numbers, balanced journals, dated FX, receivables that match posted invoices.
 */
export async function replayHistory(ds: Dataset, items: SeedItem[], sys: HistorySystems, rnd: SeededRandom, onProgress: (done: number, total: number) => void): Promise<void> {
  const inv = (date: string, hour = 9): Invocation => ({ actor: 'system:seed', correlationId: `seed-${date}`, now: () => at(date, hour) });
  const state = new Map(items.map((s) => [s.item.id, s.item.status]));
  const byProject = new Map<string, SeedItem[]>();
  for (const s of items) {
    const list = byProject.get(s.item.projectId) ?? [];
    list.push(s);
    byProject.set(s.item.projectId, list);
  }
  const agenda = new Agenda();
  const projects = new Map(ds.projects.projects.map((p) => [p.id, p]));

  for (const e of ds.engagements) {
    if (!e.scheduleId) continue;
    const project = projects.get(e.projectId) as Psa.Project;
    for (const month of monthsBetween(project.startDate, ds.asOf)) {
      const date = businessDayOnOrAfter(addDays(nextMonthStart(month), e.invoiceLagDays));
      if (date <= ds.asOf) agenda.push({ kind: 'run', date, engagement: e, month });
    }
  }
  for (const line of ds.finance.revenueLines) {
    const schedule = ds.finance.revenueSchedules.find((s) => s.id === line.revenueScheduleId);
    if (!schedule) continue;
    if (line.milestoneId) {
      const milestone = ds.projects.milestones.find((m) => m.id === line.milestoneId);
      if (milestone?.status === 'ACCEPTED') agenda.push({ kind: 'recognize', date: (milestone.acceptedAt as string).slice(0, 10), scheduleId: schedule.id, period: line.period, milestoneId: milestone.id });
    } else if (monthEnd(`${line.period}-01`) <= ds.asOf) {
      agenda.push({ kind: 'recognize', date: monthEnd(`${line.period}-01`), scheduleId: schedule.id, period: line.period, milestoneId: null });
    }
  }

  let done = 0;
  let bankRef = 0;
  for (const event of agenda.drain()) {
    done += 1;
    if (done % 25 === 0) onProgress(done, done + agenda.size);
    switch (event.kind) {
      case 'recognize':
        await sys.finance.service.recognizeRevenue({ revenueScheduleId: event.scheduleId, period: event.period, milestoneId: event.milestoneId, postingDate: event.date }, inv(event.date, 18));
        break;
      case 'run': {
        const cutoff = monthEnd(event.month);
        const lateCutoff = addDays(event.date, -60);
        const picked = (byProject.get(event.engagement.projectId) ?? []).filter((s) =>
          state.get(s.item.id) === 'READY' && s.item.serviceDate <= cutoff && s.readyOn <= event.date && (!s.heldBack || s.readyOn <= lateCutoff));
        if (picked.length === 0) break;
        const draft = await sys.billing.service.createDraftInvoice({ billingScheduleId: event.engagement.scheduleId as string, billableItemIds: picked.map((s) => s.item.id), billToContactId: event.engagement.billToContactId }, inv(event.date, 8));
        const issued = await sys.billing.service.issueInvoice({ id: draft.id }, event.date, inv(event.date, 9));
        for (const s of picked) state.set(s.item.id, 'INVOICED');
        if (rnd.chance(0.005)) {
          // Caught before posting: voided, its items billable again in the next run.
          await sys.billing.service.voidInvoice({ id: issued.id }, 'Issued to the wrong billing contact', inv(event.date, 15));
          for (const s of picked) state.set(s.item.id, 'READY');
          break;
        }
        agenda.push({ kind: 'post', date: addDays(event.date, 1), engagement: event.engagement, invoiceId: issued.id });
        break;
      }
      case 'post': {
        if (event.date > ds.asOf) break;
        const [invoice] = await sys.billing.repo.invoicesByIds([event.invoiceId]);
        if (!invoice || invoice.status !== 'ISSUED') break;
        const receivable = await sys.finance.service.postInvoiceToLedger({
          invoiceId: invoice.id, invoiceNumber: invoice.number as string, legalEntityId: invoice.legalEntityId, crmAccountId: invoice.accountId,
          currency: invoice.currency, documentDate: invoice.issueDate as string, dueDate: invoice.dueDate as string,
          lines: [{ projectId: event.engagement.projectId, netAmount: invoice.subtotal, taxAmount: invoice.taxTotal }],
        }, inv(event.date, 7));
        await sys.billing.service.postInvoice({ id: invoice.id }, inv(event.date, 8));
        const creditOn = addDays(event.date, rnd.int(3, 15));
        if (rnd.chance(0.025) && creditOn <= ds.asOf) agenda.push({ kind: 'credit', date: creditOn, engagement: event.engagement, invoiceId: invoice.id, full: rnd.chance(0.5) });
        const payOn = addDays(invoice.dueDate as string, event.engagement.paymentBehaviourDays + rnd.int(-3, 3));
        const first = payOn > creditOn ? payOn : addDays(creditOn, 1);
        if (event.engagement.partialPayer) {
          agenda.push({ kind: 'pay', date: first, engagement: event.engagement, receivableId: receivable.id, share: new Decimal(rnd.int(40, 80)).dividedBy(100) });
          agenda.push({ kind: 'pay', date: addDays(first, rnd.int(14, 30)), engagement: event.engagement, receivableId: receivable.id, share: null });
        } else {
          agenda.push({ kind: 'pay', date: first, engagement: event.engagement, receivableId: receivable.id, share: null });
        }
        break;
      }
      case 'credit': {
        const [receivable] = await sys.finance.repo.receivablesByInvoiceIds([event.invoiceId]);
        if (!receivable || receivable.openAmount.amountMinor !== receivable.originalAmount.amountMinor) break;
        const lines = await sys.billing.repo.linesByDocumentIds([event.invoiceId]);
        const first = lines[0];
        if (!first) break;
        const memo = await sys.billing.service.createCreditMemo(
          event.full
            ? { invoiceId: event.invoiceId, reason: 'BILLING_ERROR', releasesBillableItems: true }
            : { invoiceId: event.invoiceId, reason: 'DISCOUNT', releasesBillableItems: false, lines: [{ invoiceLineId: first.id, netAmount: multiply(first.netAmount, new Decimal(rnd.int(5, 10)).dividedBy(100)) }] },
          inv(event.date, 10),
        );
        const issued = await sys.billing.service.transitionCreditMemo({ id: memo.id }, 'ISSUE', inv(event.date, 11));
        await sys.billing.service.transitionCreditMemo({ id: memo.id }, 'POST', inv(event.date, 12));
        await sys.finance.service.postCreditMemoToLedger({
          creditMemoId: memo.id, creditMemoNumber: issued.number as string, invoiceId: event.invoiceId, documentDate: event.date,
          lines: [{ projectId: event.engagement.projectId, netAmount: memo.subtotal, taxAmount: memo.taxTotal }],
        }, inv(event.date, 13));
        await sys.billing.service.transitionCreditMemo({ id: memo.id }, 'APPLY', inv(event.date, 14));
        if (event.full) for (const id of lines.flatMap((l) => l.billableItemIds)) state.set(id, 'READY');
        break;
      }
      case 'pay': {
        if (event.date > ds.asOf) break;
        const [receivable] = await sys.finance.repo.receivablesByIds([event.receivableId]);
        if (!receivable || receivable.openAmount.amountMinor <= 0n || receivable.status === 'VOID') break;
        const amount: Money = event.share
          ? multiply(receivable.openAmount, event.share)
          : receivable.openAmount;
        if (amount.amountMinor <= 0n) break;
        bankRef += 1;
        await sys.finance.service.recordPayment({
          customerFinancialId: receivable.customerFinancialId, receivedDate: event.date, amount,
          method: rnd.weighted([['BANK_TRANSFER', 8], ['DIRECT_DEBIT', 1], ['CHECK', 1]] as const),
          bankReference: `BNK-${periodOf(event.date).replace('-', '')}-${String(bankRef).padStart(6, '0')}`,
          applications: [{ receivableId: receivable.id, amount }],
        }, inv(event.date, 14));
        break;
      }
    }
  }
  onProgress(done, done);
}
