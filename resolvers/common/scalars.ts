import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { DATE_TIME_SHAPE, readDate, readDateTime, type YearRange } from '../../src/common/datetime';
import { isDecimalString } from '../../src/common/decimal';
import { exactNumberFromText, JSON_INPUT_BOUNDS } from '../../src/common/storable';

/** Longest Decimal accepted as input: far beyond any amount, short of what PostgreSQL's numeric refuses. */
const MAX_DECIMAL_LENGTH = 100;

function decimalFrom(value: unknown): string {
  if (typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && isDecimalString(value)) return value.trim();
  throw new GraphQLError(
    `Decimal must be a string such as "1234.50" (never a JSON number, which would lose precision), at most ${MAX_DECIMAL_LENGTH} characters; got ${JSON.stringify(value)?.slice(0, 120)}`,
  );
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

/**
 * The years a DateTime or Date input may be written with. The year 0000 is
 * let through here (it is a well-formed ISO 8601 year) so that what takes the
 * value refuses it naming its field, e.g. `filter.updatedSince`: PostgreSQL
 * has no year 0, and every consumer holds values to 0001-9999.
 */
const SCALAR_YEARS: YearRange = { min: 0, max: 9999 };

function dateTimeFrom(value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const y = value.getUTCFullYear();
    if (y >= SCALAR_YEARS.min && y <= SCALAR_YEARS.max) return value;
  }
  if (typeof value !== 'string') throw new GraphQLError(`DateTime must be ${DATE_TIME_SHAPE}`);
  const r = readDateTime(value, SCALAR_YEARS);
  if (r.ok) return r.value;
  throw new GraphQLError(
    /^must /.test(r.problem)
      ? `DateTime ${r.problem}; got ${JSON.stringify(value.slice(0, 64))}`
      : `DateTime is not a real time: ${r.problem}; got ${JSON.stringify(value.slice(0, 64))}`,
  );
}

/**
 * A point in time, ISO 8601 with an offset (UTC `Z` on output). Input is read
 * field by field (src/common/datetime.ts): never rolled over, no year 0.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, unknown>({
  ...GraphQLDateTime.toConfig(),
  name: 'DateTime',
  description:
    'A point in time, ISO 8601 with an offset: 2026-11-23T10:00:00+08:00 or …Z (written in UTC, with Z). On input every field is checked: a day its month has (leap years included), hours 00-23 (no 24:00), minutes and seconds 00-59, an offset within ±14:00, years 0001-9999.',
  parseValue: dateTimeFrom,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return dateTimeFrom(ast.value);
    throw new GraphQLError(`DateTime literals must be strings: ${DATE_TIME_SHAPE}`);
  },
});

function dateFrom(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Date must be a string YYYY-MM-DD');
  const r = readDate(value, SCALAR_YEARS);
  if (r.ok) return r.value;
  throw new GraphQLError(
    /^must /.test(r.problem)
      ? `Date ${r.problem}; got ${JSON.stringify(value.slice(0, 64))}`
      : `Date is not a real day: ${r.problem}; got ${JSON.stringify(value.slice(0, 64))}`,
  );
}

/** A calendar date `YYYY-MM-DD` (a business date, no time zone). */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (RFC 3339 full-date), of the years 0001-9999.',
  parseValue: dateFrom,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return dateFrom(ast.value);
    throw new GraphQLError('Date literals must be strings, YYYY-MM-DD');
  },
});

/**
 * A JSON value written in the operation itself, as JavaScript: a number only
 * when a double carries it exactly (its text is at hand here, unlike a
 * variable's), nesting bounded. Variables need no such care: JSON.parse has
 * read them already, and the consumers check them (see jsonProblems).
 */
function jsonLiteral(ast: ValueNode, variables: Record<string, unknown> | null | undefined, depth: number): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT: {
      const n = exactNumberFromText(ast.value);
      if (n === undefined)
        throw new GraphQLError(
          `JSONObject holds the number ${ast.value.slice(0, 40)}, which JSON cannot carry exactly; send it as a string`,
        );
      return n;
    }
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    case Kind.LIST:
    case Kind.OBJECT:
      if (depth > JSON_INPUT_BOUNDS.maxDepth)
        throw new GraphQLError(`JSONObject is nested deeper than ${JSON_INPUT_BOUNDS.maxDepth} levels`);
      if (ast.kind === Kind.LIST) return ast.values.map((v) => jsonLiteral(v, variables, depth + 1));
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value, variables, depth + 1)]));
    default:
      throw new GraphQLError(`JSONObject cannot hold ${ast.kind}`);
  }
}

/**
 * A JSON object (ECMA-404). What it may hold is the business of each input
 * that takes one (a pushed record's `details` is checked per record, see the
 * README's "Limits of a pushed record"); literals in the operation are held
 * to exact numbers and 32 levels here, as only here is their text at hand.
 */
export const JSONObjectScalar = new GraphQLScalarType({
  ...GraphQLJSONObject.toConfig(),
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError(`JSONObject cannot represent a non-object value`);
    return jsonLiteral(ast, variables, 1);
  },
});
