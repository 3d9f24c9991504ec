import { addDays, DomainError, ErrorCode, invalidInput, optionalText, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { optionalRef, requireCurrencyCode, requireScale4 } from './inputs.js';
import type { RateCard, RateCardLine, RateCardScope, RateUnit } from './types.js';

/** Largest rate card accepted (a global standard card is roles × levels × regions ≈ 14 000 lines). */
export const MAX_RATE_CARD_LINES = 50_000;

/** A rate as entered. */
export interface RateCardLineInput {
  roleCode: string;
  level?: string | null;
  region?: string | null;
  billRate: string;
  costRateHint?: string | null;
}

/** Fields of a new rate card. */
export interface NewRateCard {
  name: string;
  scope: RateCardScope;
  accountId?: string | null;
  contractId?: string | null;
  legalEntityId?: string | null;
  currency: string;
  unit?: RateUnit | null;
  effectiveFrom: string;
  lines: RateCardLineInput[];
}

/** A revision: new rates from a date. */
export interface RateCardRevision {
  effectiveFrom: string;
  lines: RateCardLineInput[];
}

/** The reference each scope needs, and which references it must not carry. */
const SCOPE_REFERENCE: Readonly<Record<RateCardScope, 'accountId' | 'contractId' | 'legalEntityId' | null>> = {
  STANDARD: null,
  ACCOUNT: 'accountId',
  CONTRACT: 'contractId',
  LEGAL_ENTITY: 'legalEntityId',
};

function scopeReferences(input: NewRateCard): Pick<RateCard, 'accountId' | 'contractId' | 'legalEntityId'> {
  const refs = {
    accountId: optionalRef('accountId', input.accountId, 'acc'),
    contractId: optionalRef('contractId', input.contractId, 'ctr'),
    legalEntityId: optionalRef('legalEntityId', input.legalEntityId, 'le'),
  };
  const required = SCOPE_REFERENCE[input.scope];
  if (required === undefined) throw invalidInput('scope', `unknown scope ${String(input.scope)}`);
  if (required === null) {
    for (const field of ['accountId', 'contractId', 'legalEntityId'] as const) {
      if (refs[field] !== null) throw invalidInput(field, 'must be empty for a STANDARD rate card');
    }
  } else if (refs[required] === null) {
    throw invalidInput(required, `is required for a ${input.scope} rate card`);
  }
  return refs;
}

/**
 * Validates rate lines: at least one, one per (role, level, region), bill rates ≥ 0 with at most 4 decimals
 * (stored at scale 4).
 */
export function validateRateLines(lines: readonly RateCardLineInput[], lineId: () => string): RateCardLine[] {
  if (!Array.isArray(lines) || lines.length === 0) throw invalidInput('lines', 'must have at least one rate');
  if (lines.length > MAX_RATE_CARD_LINES) throw invalidInput('lines', `must have at most ${MAX_RATE_CARD_LINES} rates`);
  const seen = new Set<string>();
  return lines.map((l, i) => {
    const roleCode = requireText(`lines[${i}].roleCode`, l.roleCode, 64);
    const level = optionalText(`lines[${i}].level`, l.level, 32);
    const region = optionalText(`lines[${i}].region`, l.region, 64);
    const key = JSON.stringify([roleCode, level, region]);
    if (seen.has(key)) {
      throw invalidInput(`lines[${i}]`, `duplicates the rate for role ${roleCode}, level ${level ?? '(any)'}, region ${region ?? '(any)'}`);
    }
    seen.add(key);
    return {
      id: lineId(),
      roleCode,
      level,
      region,
      billRate: requireScale4(`lines[${i}].billRate`, l.billRate, { nonNegative: true }),
      costRateHint: l.costRateHint === null || l.costRateHint === undefined ? null : requireScale4(`lines[${i}].costRateHint`, l.costRateHint, { nonNegative: true }),
    };
  });
}

/** Builds a new rate card; `lineId` supplies the line identifiers. */
export function createRateCard(id: string, input: NewRateCard, now: string, lineId: () => string): RateCard {
  const refs = scopeReferences(input);
  return {
    id,
    version: 1,
    name: requireText('name', input.name, 200),
    scope: input.scope,
    ...refs,
    currency: requireCurrencyCode('currency', input.currency),
    unit: input.unit ?? 'HOUR',
    effectiveFrom: requireLocalDate('effectiveFrom', input.effectiveFrom),
    effectiveTo: null,
    supersedesId: null,
    lines: validateRateLines(input.lines, lineId),
    updatedAt: now,
  };
}

/** True when the card applies on `date`. */
export function isEffectiveOn(card: Pick<RateCard, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return card.effectiveFrom <= date && (card.effectiveTo === null || card.effectiveTo >= date);
}

/**
 * Replaces a card's rates from a date: a new card with the same scope, references, currency and unit supersedes
 * it, and the old card ends the day before. A card already superseded cannot be revised again (revise its
 * successor instead), and the new start must be after the old card's start.
 */
export function reviseRateCard(current: RateCard, newCardId: string, revision: RateCardRevision, now: string, lineId: () => string): { superseded: RateCard; revised: RateCard } {
  if (current.effectiveTo !== null) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `RateCard ${current.id} already ends on ${current.effectiveTo}; revise the card that superseded it`,
      { entity: 'RateCard', id: current.id, effectiveTo: current.effectiveTo },
    );
  }
  const effectiveFrom = requireLocalDate('effectiveFrom', revision.effectiveFrom);
  if (effectiveFrom <= current.effectiveFrom) throw invalidInput('effectiveFrom', `must be after the revised card's start ${current.effectiveFrom}`);
  const revised: RateCard = {
    ...current,
    id: newCardId,
    version: 1,
    effectiveFrom,
    effectiveTo: null,
    supersedesId: current.id,
    lines: validateRateLines(revision.lines, lineId),
    updatedAt: now,
  };
  const superseded: RateCard = { ...current, version: current.version + 1, effectiveTo: addDays(effectiveFrom, -1), updatedAt: now };
  return { superseded, revised };
}
