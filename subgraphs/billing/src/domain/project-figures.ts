import { invalidInput } from '../../../../platform/domain/index.js';
import { money, toDecimalString, type Money } from '../../../../platform/money/index.js';

/**
 * A project's billing figure (billed to date, unbilled WIP) in the project currency the gateway passes along
 * (`@requires(fields: "currency")`). Nothing billed is zero in that currency. Amounts in another currency are never
 * silently dropped or mixed in: the figure is refused instead, because it would need a conversion billing does not own.
 */
export function projectFigure(field: string, projectId: string, currency: string | null | undefined, totals: ReadonlyMap<string, bigint> | null): Money {
  if (!currency) throw invalidInput('currency', `${field} of project ${projectId} needs the project currency in the representation`);
  for (const [other, minor] of totals ?? []) {
    if (other !== currency && minor !== 0n) {
      throw invalidInput('currency', `project ${projectId} has ${field} of ${toDecimalString(money(minor, other))} ${other}, not in its currency ${currency}; no conversion is applied`);
    }
  }
  return money(totals?.get(currency) ?? 0n, currency);
}
