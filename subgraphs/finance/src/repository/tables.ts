import { Table, type BulkColumn } from '../../../../platform/db/index.js';
import type {
  CustomerFinancial, ExchangeRate, JournalEntry, JournalLine, LegalEntity, Payment, Receivable, ReceivableApplication,
  RevenueSchedule, RevenueScheduleLine, RevenueScheduleModification,
} from '../domain/types.js';

export const legalEntities = new Table<LegalEntity>({
  table: 'legal_entities',
  fields: { id: 'text', name: 'text', country: 'text', functionalCurrency: 'text', taxId: 'text?', fiscalYearStartMonth: 'int', invoiceNumberPrefix: 'text' },
});

const EXCHANGE_RATE_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' }, { name: 'from_currency', type: 'text' }, { name: 'to_currency', type: 'text' },
  { name: 'rate_date', type: 'date' }, { name: 'rate_type', type: 'text' }, { name: 'rate', type: 'numeric' }, { name: 'source', type: 'text' },
];

/**
 * Exchange rates keep the record's `from` / `to` field names, but those are reserved words in SQL: the columns
 * are `from_currency` / `to_currency`, selected back under the field names so the generic row mapping applies.
 */
class ExchangeRateTable extends Table<ExchangeRate> {
  override readonly selectList = 'id, from_currency AS "from", to_currency AS "to", rate_date, rate_type, rate, source';

  constructor() {
    super({ table: 'exchange_rates', fields: { id: 'text', from: 'text', to: 'text', rateDate: 'date', rateType: 'text', rate: 'numeric', source: 'text' } });
  }

  override selectListAs(alias: string): string {
    return `${alias}.id, ${alias}.from_currency AS "from", ${alias}.to_currency AS "to", ${alias}.rate_date, ${alias}.rate_type, ${alias}.rate, ${alias}.source`;
  }

  override columnNames(): string[] {
    return EXCHANGE_RATE_COLUMNS.map((c) => c.name);
  }

  protected override bulkColumns(): readonly BulkColumn[] {
    return EXCHANGE_RATE_COLUMNS;
  }
}

export const exchangeRates: Table<ExchangeRate> = new ExchangeRateTable();

export const customerFinancials = new Table<CustomerFinancial>({
  table: 'customer_financials',
  fields: {
    id: 'text', version: 'int', crmAccountId: 'text', legalEntityId: 'text', customerNumber: 'text', currency: 'text', paymentTermsDays: 'int',
    creditLimit: 'money?', taxId: 'text?', status: 'text', updatedAt: 'timestamptz',
  },
});

export const journalEntries = new Table<JournalEntry>({
  table: 'journal_entries',
  fields: {
    id: 'text', legalEntityId: 'text', number: 'text', postingDate: 'date', period: 'text', sourceType: 'text', sourceId: 'text', status: 'text',
    reversalOfId: 'text?', description: 'text', currency: 'text', sourceDigest: 'text?', totalDebit: 'money', totalCredit: 'money', createdAt: 'timestamptz',
  },
});

export const journalLines = new Table<JournalLine>({
  table: 'journal_lines',
  fields: {
    id: 'text', journalEntryId: 'text', lineNo: 'int', accountCode: 'text', debit: 'money', credit: 'money', transactionAmount: 'money?',
    projectId: 'text?', customerFinancialId: 'text?', memo: 'text?',
  },
});

export const receivables = new Table<Receivable>({
  table: 'receivables',
  fields: {
    id: 'text', version: 'int', documentType: 'text', invoiceId: 'text', invoiceNumber: 'text', customerFinancialId: 'text', legalEntityId: 'text',
    projectIds: 'jsonb', currency: 'text', originalAmount: 'money', openAmount: 'money', functionalOriginal: 'money', functionalOpen: 'money',
    fxRate: 'numeric', documentDate: 'date', dueDate: 'date', status: 'text', closedAt: 'timestamptz?', journalEntryId: 'text',
    createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const applications = new Table<ReceivableApplication>({
  table: 'receivable_applications',
  fields: {
    id: 'text', receivableId: 'text', kind: 'text', sourceId: 'text', appliedAmount: 'money', functionalApplied: 'money', appliedOn: 'date',
    fxGainLoss: 'money?', reversedAt: 'timestamptz?', createdAt: 'timestamptz',
  },
});

export const payments = new Table<Payment>({
  table: 'payments',
  fields: {
    id: 'text', version: 'int', customerFinancialId: 'text', legalEntityId: 'text', receivedDate: 'date', amount: 'money', functionalAmount: 'money',
    fxRate: 'numeric', method: 'text', bankReference: 'text?', status: 'text', unappliedAmount: 'money', journalEntryId: 'text?',
    reversedAt: 'timestamptz?', reversalReason: 'text?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const revenueSchedules = new Table<RevenueSchedule>({
  table: 'revenue_schedules',
  fields: {
    id: 'text', version: 'int', contractId: 'text?', projectId: 'text', legalEntityId: 'text', performanceObligation: 'text', method: 'text',
    allocatedAmount: 'money', status: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const revenueLines = new Table<RevenueScheduleLine>({
  table: 'revenue_schedule_lines',
  fields: {
    id: 'text', revenueScheduleId: 'text', period: 'text', plannedAmount: 'money', recognizedAmount: 'money', status: 'text',
    milestoneId: 'text?', journalEntryId: 'text?',
  },
});

export const revenueModifications = new Table<RevenueScheduleModification>({
  table: 'revenue_schedule_modifications',
  fields: {
    id: 'text', revenueScheduleId: 'text', projectId: 'text', amendmentId: 'text?', delta: 'money', effectiveDate: 'date', scheduleVersion: 'int',
    createdAt: 'timestamptz',
  },
});

/** A per legal entity sequence (journal and customer numbers). */
export interface LedgerCounter {
  legalEntityId: string;
  kind: 'JOURNAL' | 'CUSTOMER';
  lastValue: bigint;
}

export const counters = new Table<LedgerCounter>({
  table: 'ledger_counters',
  fields: { legalEntityId: 'text', kind: 'text', lastValue: 'bigint' },
});
