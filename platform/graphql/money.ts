import { money, toDecimalString, type Money } from '../money/money.js';
import { invalidInput } from '../domain/errors.js';

/** Field resolvers of the shared `Money` type: `amountMinor` as a string, `amount` as major units. */
export const moneyResolvers = {
  Money: {
    amountMinor: (m: Money) => m.amountMinor.toString(),
    currency: (m: Money) => m.currency,
    amount: (m: Money) => toDecimalString(m),
  },
};

/** Converts a `MoneyInput` into Money; `field` names the input in errors. */
export function moneyFromInput(field: string, input: { amountMinor: string; currency: string }): Money {
  try {
    return money(BigInt(input.amountMinor), input.currency);
  } catch (error) {
    throw invalidInput(field, (error as Error).message);
  }
}

/** Like `moneyFromInput` for optional inputs. */
export function optionalMoney(field: string, input: { amountMinor: string; currency: string } | null | undefined): Money | null {
  return input ? moneyFromInput(field, input) : null;
}
