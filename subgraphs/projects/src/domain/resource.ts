import { invalidInput, optionalText, requireInt, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { isCurrencyCode } from '../../../../platform/money/index.js';
import { optionalPercent, rateInput } from './rules.js';
import type { EffectiveRate, EmploymentType, Resource } from './types.js';

/** Default contracted week: 40 hours. */
export const DEFAULT_WEEKLY_CAPACITY_MINUTES = 2400;
/** Every minute of a week. */
export const MAX_WEEKLY_CAPACITY_MINUTES = 10080;

/** An effective-dated rate as entered. */
export interface EffectiveRateInput {
  effectiveFrom: string;
  rate: string;
  currency: string;
}

/** Fields of a new resource. */
export interface NewResource {
  employeeNumber: string;
  displayName: string;
  roleCode: string;
  level?: string | null;
  region?: string | null;
  practice?: string | null;
  legalEntityId: string;
  employmentType: EmploymentType;
  weeklyCapacityMinutes?: number | null;
  utilizationTargetPct?: string | null;
  costRates: EffectiveRateInput[];
}

/** Fields a client may change; absent fields stay, null clears the optional ones. */
export interface ResourceChanges {
  displayName?: string | null;
  roleCode?: string | null;
  level?: string | null;
  weeklyCapacityMinutes?: number | null;
  utilizationTargetPct?: string | null;
  addCostRates?: EffectiveRateInput[] | null;
  active?: boolean | null;
}

function validateRate(field: string, input: EffectiveRateInput): EffectiveRate {
  if (!isCurrencyCode(input.currency)) throw invalidInput(`${field}.currency`, `"${input.currency}" is not a supported currency`);
  return {
    effectiveFrom: requireLocalDate(`${field}.effectiveFrom`, input.effectiveFrom),
    rate: rateInput(`${field}.rate`, input.rate),
    currency: input.currency,
  };
}

/**
 * Merges new effective-dated rates into existing ones: each date may appear once (a second rate for the same day
 * would make the rate on that day ambiguous), and the result is sorted oldest first.
 */
export function mergeCostRates(field: string, existing: readonly EffectiveRate[], added: readonly EffectiveRateInput[]): EffectiveRate[] {
  const seen = new Set(existing.map((r) => r.effectiveFrom));
  const merged = [...existing];
  added.forEach((input, i) => {
    const rate = validateRate(`${field}[${i}]`, input);
    if (seen.has(rate.effectiveFrom)) throw invalidInput(`${field}[${i}].effectiveFrom`, `a cost rate effective from ${rate.effectiveFrom} already exists`);
    seen.add(rate.effectiveFrom);
    merged.push(rate);
  });
  return merged.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The cost rate in force on `date` (the latest one effective on or before it), or null before the first. */
export function costRateOn(resource: Pick<Resource, 'costRates'>, date: string): EffectiveRate | null {
  let found: EffectiveRate | null = null;
  for (const r of resource.costRates) if (r.effectiveFrom <= date) found = r;
  return found;
}

function capacity(value: number): number {
  return requireInt('weeklyCapacityMinutes', value, 0, MAX_WEEKLY_CAPACITY_MINUTES);
}

/** Builds an active resource; at least one cost rate is required so that time can always be costed. */
export function createResource(id: string, input: NewResource, now: string): Resource {
  if (!Array.isArray(input.costRates) || input.costRates.length === 0) throw invalidInput('costRates', 'at least one cost rate is required');
  if (input.costRates.length > 100) throw invalidInput('costRates', 'must have at most 100 entries');
  return {
    id,
    version: 1,
    employeeNumber: requireText('employeeNumber', input.employeeNumber, 32),
    displayName: requireText('displayName', input.displayName, 200),
    roleCode: requireText('roleCode', input.roleCode, 64),
    level: optionalText('level', input.level, 32),
    region: optionalText('region', input.region, 64),
    practice: optionalText('practice', input.practice, 64),
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    employmentType: input.employmentType,
    weeklyCapacityMinutes: capacity(input.weeklyCapacityMinutes ?? DEFAULT_WEEKLY_CAPACITY_MINUTES),
    utilizationTargetPct: optionalPercent('utilizationTargetPct', input.utilizationTargetPct),
    costRates: mergeCostRates('costRates', [], input.costRates),
    active: true,
    updatedAt: now,
  };
}

/** Applies changes to a resource; added cost rates merge with the existing ones. */
export function updateResource(current: Resource, changes: ResourceChanges, now: string): Resource {
  const added = changes.addCostRates ?? [];
  if (current.costRates.length + added.length > 100) throw invalidInput('addCostRates', 'a resource can have at most 100 cost rates');
  return {
    ...current,
    version: current.version + 1,
    displayName: changes.displayName ? requireText('displayName', changes.displayName, 200) : current.displayName,
    roleCode: changes.roleCode ? requireText('roleCode', changes.roleCode, 64) : current.roleCode,
    level: changes.level !== undefined ? optionalText('level', changes.level, 32) : current.level,
    weeklyCapacityMinutes: changes.weeklyCapacityMinutes === null || changes.weeklyCapacityMinutes === undefined ? current.weeklyCapacityMinutes : capacity(changes.weeklyCapacityMinutes),
    utilizationTargetPct: changes.utilizationTargetPct === undefined ? current.utilizationTargetPct : optionalPercent('utilizationTargetPct', changes.utilizationTargetPct),
    costRates: added.length ? mergeCostRates('addCostRates', current.costRates, added) : current.costRates,
    active: changes.active ?? current.active,
    updatedAt: now,
  };
}
