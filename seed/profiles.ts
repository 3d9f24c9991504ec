/**
 * Dataset profiles (domain-model.md §8.2). Numbers are generator targets; the generator keeps every figure
 * coherent across the four systems whatever the size.
 */
export interface SeedProfile {
  name: string;
  /** PRNG seed. */
  seed: number;
  /** Accounts (active clients and prospects). */
  accounts: number;
  /** Contacts per account. */
  contactsPerAccount: [number, number];
  /** Opportunities in all, and how many are won (each won one becomes a project). */
  opportunities: number;
  wonOpportunities: number;
  /** Billable consultants and non-billable staff. */
  consultants: number;
  staff: number;
  /** Months of history before the as-of date. */
  months: number;
  /** Tasks per project. */
  tasksPerProject: [number, number];
  /** Assignments per project. */
  assignmentsPerProject: [number, number];
  /** Time lines per consultant per week (daily-line model). */
  linesPerWeek: [number, number];
  /** Expense entries per assignment per month. */
  expensesPerAssignmentMonth: number;
  /** Client-specific rate cards. */
  clientRateCards: number;
}

export const PROFILES: Record<string, SeedProfile> = {
  demo: {
    name: 'demo', seed: 20261122, accounts: 8, contactsPerAccount: [2, 4], opportunities: 14, wonOpportunities: 6,
    consultants: 18, staff: 3, months: 6, tasksPerProject: [4, 8], assignmentsPerProject: [2, 4], linesPerWeek: [5, 8],
    expensesPerAssignmentMonth: 0.5, clientRateCards: 3,
  },
  regional: {
    name: 'regional', seed: 20260101, accounts: 150, contactsPerAccount: [4, 8], opportunities: 450, wonOpportunities: 200,
    consultants: 300, staff: 60, months: 12, tasksPerProject: [20, 60], assignmentsPerProject: [3, 7], linesPerWeek: [8, 12],
    expensesPerAssignmentMonth: 0.35, clientRateCards: 30,
  },
  /** Many small engagements and little history: the shape batching tests and benchmarks need (1 000 projects). */
  wide: {
    name: 'wide', seed: 424242, accounts: 400, contactsPerAccount: [1, 1], opportunities: 1000, wonOpportunities: 1000,
    consultants: 400, staff: 20, months: 2, tasksPerProject: [1, 1], assignmentsPerProject: [1, 1], linesPerWeek: [2, 2],
    expensesPerAssignmentMonth: 0, clientRateCards: 0,
  },
};

/** A profile by name, with a clear error listing the known ones. */
export function profileByName(name: string): SeedProfile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`Unknown seed profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`);
  return profile;
}
