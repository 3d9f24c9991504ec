import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCurrencyCode } from '../money/currency.js';
import { isLocalDate } from '../domain/dates.js';

function invalid(scalar: string, message: string): GraphQLError {
  return new GraphQLError(`${scalar}: ${message}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function stringLiteral(scalar: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw invalid(scalar, 'expected a string literal');
  return ast.value;
}

const BIGINT = /^-?(?:0|[1-9]\d{0,30})$/;
const DECIMAL = /^-?(?:0|[1-9]\d{0,29})(?:\.\d{1,12})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

function stringScalar(name: string, description: string, check: (value: string) => string | null): GraphQLScalarType {
  const parse = (value: string): string => {
    const problem = check(value);
    if (problem) throw invalid(name, problem);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: (value) => {
      if (typeof value !== 'string') throw invalid(name, 'expected a string');
      return parse(value);
    },
    parseLiteral: (ast) => parse(stringLiteral(name, ast)),
  });
}

/** Arbitrary-size integer as a decimal string; refuses JSON numbers so no precision is lost on the way in. */
export const BigIntScalar = stringScalar('BigInt', 'Integer serialized as a decimal string.', (v) =>
  BIGINT.test(v) ? null : `"${v.slice(0, 40)}" is not an integer string`,
);

/** Exact decimal as a plain-notation string. */
export const DecimalScalar = stringScalar('Decimal', 'Exact decimal serialized as a string.', (v) =>
  DECIMAL.test(v) ? null : `"${v.slice(0, 40)}" is not a decimal string such as "123.45"`,
);

/** Calendar date `YYYY-MM-DD`. */
export const LocalDateScalar = stringScalar('LocalDate', 'Calendar date YYYY-MM-DD.', (v) =>
  isLocalDate(v) ? null : `"${v.slice(0, 40)}" is not a date in YYYY-MM-DD form`,
);

/** ISO-8601 instant with a zone; normalised to UTC on the way in. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 instant in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || !DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
      throw invalid('DateTime', 'expected an ISO-8601 timestamp with a zone');
    }
    return new Date(value).toISOString();
  },
  parseLiteral: (ast) => {
    const v = stringLiteral('DateTime', ast);
    if (!DATETIME.test(v) || Number.isNaN(Date.parse(v))) throw invalid('DateTime', 'expected an ISO-8601 timestamp with a zone');
    return new Date(v).toISOString();
  },
});

/** Supported ISO 4217 code. */
export const CurrencyCodeScalar = stringScalar('CurrencyCode', 'ISO 4217 currency code.', (v) =>
  isCurrencyCode(v) ? null : `"${v.slice(0, 10)}" is not a supported ISO 4217 currency code`,
);

/** Resolvers for every shared scalar, to spread into a subgraph's resolver map. */
export const scalarResolvers = {
  BigInt: BigIntScalar,
  Decimal: DecimalScalar,
  LocalDate: LocalDateScalar,
  DateTime: DateTimeScalar,
  CurrencyCode: CurrencyCodeScalar,
};
