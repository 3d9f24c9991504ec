import type { Graph } from './graph.js';

/** Reference data for flow tests: a legal entity in finance, a standard rate card and a project manager. */
export async function setUpFirm(graph: Graph, country: 'US' | 'CA' = 'US'): Promise<{ legalEntityId: string; projectManagerId: string; currency: string }> {
  const currency = country === 'US' ? 'USD' : 'CAD';
  const legalEntityId = `le_${country.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  await graph.dbs.finance.query(
    `INSERT INTO legal_entities (id, name, country, functional_currency, tax_id, fiscal_year_start_month, invoice_number_prefix) VALUES ($1, $2, $3, $4, NULL, 1, $5)`,
    [legalEntityId, `Northwind ${country}`, country, currency, `${country}-INV-`],
  );
  await graph.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: {
      name: `${country} standard`, scope: 'LEGAL_ENTITY', legalEntityId, currency, effectiveFrom: '2026-01-01',
      lines: [{ roleCode: 'CONSULTANT', billRate: '150' }, { roleCode: 'SENIOR_CONSULTANT', billRate: '190' }, { roleCode: 'PROJECT_MANAGER', billRate: '210' }],
    },
  });
  const pm = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `PM-${legalEntityId}`, displayName: 'Pat Manager', roleCode: 'PROJECT_MANAGER', legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '95', currency }] },
  });
  return { legalEntityId, projectManagerId: pm.createResource.id, currency };
}

/** A won-ready opportunity: account, opportunity with a start date, ACTIVATED contract. */
export async function readyToWin(graph: Graph, firm: { legalEntityId: string; currency: string }, model = 'TIME_AND_MATERIALS', valueMinor = '12000000'): Promise<{ accountId: string; opportunityId: string; contractId: string }> {
  const acc = await graph.data(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name: `Client ${Math.random().toString(36).slice(2, 7)}`, ownerUserId: 'usr_sales' } });
  const accountId = acc.createAccount.id;
  const opp = await graph.data(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
    i: { accountId, name: 'Data platform', amount: { amountMinor: valueMinor, currency: firm.currency }, expectedCloseDate: '2026-06-30', pricingModel: model, legalEntityId: firm.legalEntityId, expectedStartDate: '2026-07-06', ownerUserId: 'usr_sales' },
  });
  const opportunityId = opp.createOpportunity.id;
  const ctr = await graph.data(`mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
    i: { accountId, opportunityId, kind: 'SOW', legalEntityId: firm.legalEntityId, startDate: '2026-07-06', endDate: '2026-12-31', billingModel: model, originalValue: { amountMinor: valueMinor, currency: firm.currency }, paymentTermsDays: 30 },
  });
  const contractId = ctr.createContract.id;
  for (const action of ['SUBMIT', 'ACTIVATE']) await graph.data(`mutation($i: TransitionContractInput!) { transitionContract(input: $i) { id } }`, { i: { id: contractId, action } });
  return { accountId, opportunityId, contractId };
}
