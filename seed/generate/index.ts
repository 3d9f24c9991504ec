import { addDays } from '../../platform/domain/dates.js';
import type { SeedProfile } from '../profiles.js';
import type { SeededRandom } from '../random.js';
import { LEGAL_ENTITIES } from '../world.js';
import { monthsBefore } from './calendar.js';
import { engagementsSetUp, exchangeRates, financeLegalEntities, rateCards } from './commercial.js';
import type { Dataset } from './dataset.js';
import { generateFirm } from './firm.js';
import { generateItems, type SeedItem } from './items.js';

/**
 * Builds the whole dataset in memory, deterministically from the profile's seed and the as-of date: master data,
 * delivery history, commercial set-up and the billable items approved work yields.
 */
export function generateDataset(rnd: SeededRandom, profile: SeedProfile, asOf: string): { ds: Dataset; items: SeedItem[] } {
  const historyStart = monthsBefore(asOf, profile.months);
  const ds: Dataset = {
    asOf,
    historyStart,
    legalEntities: LEGAL_ENTITIES.map((le) => ({ ...le, id: rnd.id('le') })),
    crm: { accounts: [], contacts: [], opportunities: [], stageHistory: [], contracts: [], amendments: [] },
    projects: { projects: [], tasks: [], resources: [], assignments: [], timeEntries: [], expenses: [], milestones: [] },
    billing: { rateCards: [], schedules: [], items: [] },
    finance: { legalEntities: [], exchangeRates: [], customers: [], revenueSchedules: [], revenueLines: [] },
    engagements: [],
  };
  generateFirm(rnd, profile, asOf, ds, Math.max(1, Math.round(profile.wonOpportunities / 50)));
  ds.finance.legalEntities = financeLegalEntities(ds.legalEntities);
  ds.finance.exchangeRates = exchangeRates(rnd, addDays(historyStart, -30), asOf);
  ds.billing.rateCards = rateCards(rnd, profile, ds);
  engagementsSetUp(rnd, ds);
  const items = generateItems(rnd, ds);
  return { ds, items };
}

export type { Dataset, SeedItem };
