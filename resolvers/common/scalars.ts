import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { isDecimalString } from '../../src/common/decimal';

function decimalFrom(value: unknown): string {
  if (typeof value === 'string' && isDecimalString(value)) return value.trim();
  throw new GraphQLError(`Decimal must be a string such as "1234.50" (never a JSON number, which would lose precision); got ${JSON.stringify(value)}`);
}

/**
 * Exact decimal numbers (money in yuan): a string in JSON, `numeric` in
 * PostgreSQL, never a float anywhere in between.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50" (yuan). Never a float.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'bigint') return value.toString();
    throw new GraphQLError('Decimal values are kept as strings');
  },
  parseValue: decimalFrom,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return decimalFrom(ast.value);
    throw new GraphQLError('Decimal literals must be strings, e.g. "1234.50"');
  },
});

/** A point in time, ISO-8601 with offset (UTC `Z` on output). */
export const DateTimeScalar = new GraphQLScalarType({ ...GraphQLDateTime.toConfig(), name: 'DateTime' });

/** A calendar date `YYYY-MM-DD` (a business date, no time zone). */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (RFC 3339 full-date).',
});

export const JSONObjectScalar = GraphQLJSONObject;
