/**
 * Reference data of the synthetic firm: legal entities, the role catalogue with standard rates, and name lists.
 * Rates are decimal strings (never JS numbers) in the legal entity's currency.
 */

/** A legal entity of the synthetic firm. */
export interface LegalEntitySeed {
  key: 'US' | 'CA';
  name: string;
  country: string;
  currency: string;
  taxId: string;
  invoicePrefix: string;
  creditMemoPrefix: string;
  /** Tax codes used for clients of this entity, with weights. */
  taxCodes: ReadonlyArray<readonly [string, number]>;
  /** Regions its consultants work in. */
  regions: readonly string[];
}

export const LEGAL_ENTITIES: readonly LegalEntitySeed[] = [
  { key: 'US', name: 'Northwind Consulting Inc.', country: 'US', currency: 'USD', taxId: 'US-84-1234567', invoicePrefix: 'US-INV-', creditMemoPrefix: 'US-CM-', taxCodes: [['NONE', 3], ['US-NY', 1]], regions: ['EAST', 'WEST'] },
  { key: 'CA', name: 'Northwind Consulting Canada Ltd.', country: 'CA', currency: 'CAD', taxId: 'CA-123456789RT0001', invoicePrefix: 'CA-INV-', creditMemoPrefix: 'CA-CM-', taxCodes: [['CA-HST-ON', 3], ['CA-GST', 1]], regions: ['ONTARIO', 'QUEBEC'] },
];

/** A role of the standard rate card: hourly standard bill rate in USD at level L1 (levels add 15 % each). */
export interface RoleSeed {
  code: string;
  label: string;
  baseRateUsd: string;
  billable: boolean;
}

export const ROLES: readonly RoleSeed[] = [
  { code: 'ANALYST', label: 'Business Analyst', baseRateUsd: '120', billable: true },
  { code: 'CONSULTANT', label: 'Consultant', baseRateUsd: '135', billable: true },
  { code: 'SENIOR_CONSULTANT', label: 'Senior Consultant', baseRateUsd: '165', billable: true },
  { code: 'MANAGER', label: 'Manager', baseRateUsd: '195', billable: true },
  { code: 'SENIOR_MANAGER', label: 'Senior Manager', baseRateUsd: '230', billable: true },
  { code: 'PRINCIPAL', label: 'Principal', baseRateUsd: '280', billable: true },
  { code: 'ARCHITECT', label: 'Solution Architect', baseRateUsd: '210', billable: true },
  { code: 'DATA_ENGINEER', label: 'Data Engineer', baseRateUsd: '160', billable: true },
  { code: 'DEVELOPER', label: 'Developer', baseRateUsd: '145', billable: true },
  { code: 'QA_ENGINEER', label: 'QA Engineer', baseRateUsd: '115', billable: true },
  { code: 'PROJECT_MANAGER', label: 'Project Manager', baseRateUsd: '185', billable: true },
  { code: 'DESIGNER', label: 'Experience Designer', baseRateUsd: '150', billable: true },
];

/** Levels of every role; each level's rate is 15 % above the previous one. */
export const LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;

/** CAD standard rates are USD rates × this factor. */
export const CAD_RATE_FACTOR = '1.32';

export const ACCOUNT_NAMES = [
  'Acme Logistics', 'Borealis Health', 'Cobalt Energy', 'Delta Freight', 'Evergreen Retail', 'Fjord Insurance', 'Granite Bank',
  'Harbor Media', 'Ion Pharma', 'Juniper Foods', 'Keystone Manufacturing', 'Lumen Telecom', 'Meridian Airlines', 'Nimbus Software',
  'Orchid Hotels', 'Pioneer Mining', 'Quantum Labs', 'Riverstone Utilities', 'Summit Education', 'Tidal Shipping', 'Umbra Security',
  'Vertex Automotive', 'Willow Insurance', 'Xenon Chemicals', 'Yarrow Agriculture', 'Zephyr Travel',
];
export const ACCOUNT_SUFFIXES = ['', ' Group', ' Holdings', ' International', ' Partners', ' Corporation', ' North America'];
export const INDUSTRIES = ['Logistics', 'Healthcare', 'Energy', 'Retail', 'Insurance', 'Banking', 'Media', 'Pharma', 'Manufacturing', 'Telecom', 'Public sector'];
export const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ravi', 'Sofia', 'Tomas', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
export const LAST_NAMES = ['Anders', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Martin', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Singh', 'Tanaka', 'Umar', 'Vargas', 'Walsh', 'Young', 'Zimmer'];
export const ENGAGEMENT_KINDS = ['ERP rollout', 'Data platform', 'Cloud migration', 'CRM implementation', 'Security assessment', 'Digital storefront', 'Analytics modernisation', 'Supply chain redesign', 'Customer portal', 'Finance transformation'];
export const PHASES = ['Discovery', 'Design', 'Build', 'Test', 'Deploy', 'Hypercare'];
export const EXPENSE_CATEGORIES: ReadonlyArray<readonly [string, number]> = [['TRAVEL', 4], ['LODGING', 3], ['MEALS', 5], ['SOFTWARE', 1]];
