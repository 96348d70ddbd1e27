import { buildSchema, graphql, parse, validate, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, HubError, formatError, type ErrorLogger } from '../../src/common/errors';

const SECRET = 'duplicate key value violates unique constraint "market_entity_pkey" at /srv/hub/src/secret.ts';

const schema = buildSchema(`
  type Query {
    hub: String
    boom: String
    plain: String
    count(n: Int!): Int
  }
`);

const root = {
  hub: () => {
    throw new HubError(ErrorCode.CONFLICT, 'a source system with code X exists already', {
      field: 'input.code',
      details: { existing: 'X' },
    });
  },
  boom: () => {
    throw new Error(SECRET);
  },
  plain: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  },
  count: ({ n }: { n: number }) => n,
};

/** Runs an operation against a tiny real schema and returns its first error, as graphql-js produced it. */
async function firstError(source: string, variableValues?: Record<string, unknown>): Promise<GraphQLError> {
  const document = parse(source);
  const invalid = validate(schema, document);
  if (invalid.length) return invalid[0];
  const result = await graphql({ schema, source, rootValue: root, variableValues });
  if (!result.errors?.length) throw new Error('expected an error');
  return result.errors[0];
}

function recorder(): ErrorLogger & { calls: { obj: Record<string, unknown>; msg: string }[] } {
  const calls: { obj: Record<string, unknown>; msg: string }[] = [];
  return { calls, error: (obj, msg) => calls.push({ obj: obj as Record<string, unknown>, msg }) };
}

/** What Apollo Server hands to formatError: the error's JSON plus the code it assigns. */
function apolloFormatted(err: GraphQLError, code: string): GraphQLFormattedError {
  const json = err.toJSON();
  return { ...json, extensions: { ...json.extensions, code } };
}

describe('HubError', () => {
  it('carries its code, field, details and HTTP status in extensions', () => {
    const e = new HubError(ErrorCode.UNAUTHENTICATED, 'no key', {
      field: 'authorization',
      details: { hint: 'Bearer' },
    });
    expect(e).toBeInstanceOf(GraphQLError);
    expect(e.code).toBe('UNAUTHENTICATED');
    expect(e.field).toBe('authorization');
    expect(e.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      field: 'authorization',
      hint: 'Bearer',
      http: { status: 401 },
    });
  });

  it('maps FORBIDDEN to 403 and LIMIT_EXCEEDED to 400, and leaves the others to the transport', () => {
    expect(new HubError(ErrorCode.FORBIDDEN, 'x').extensions.http).toEqual({ status: 403 });
    expect(new HubError(ErrorCode.LIMIT_EXCEEDED, 'x').extensions.http).toEqual({ status: 400 });
    expect(new HubError(ErrorCode.CONFLICT, 'x').extensions.http).toBeUndefined();
    expect(new HubError(ErrorCode.CONFLICT, 'x', { httpStatus: 409 }).extensions.http).toEqual({ status: 409 });
  });
});

describe('formatError', () => {
  it('lets a HubError thrown in a resolver through with its message, code, field, details and path', async () => {
    const err = await firstError('{ hub }');
    const log = recorder();
    for (const formatted of [err.toJSON(), apolloFormatted(err, 'CONFLICT')]) {
      const out = formatError(formatted, err, log);
      expect(out).toEqual({
        message: 'a source system with code X exists already',
        locations: [{ line: 1, column: 3 }],
        path: ['hub'],
        extensions: { code: 'CONFLICT', field: 'input.code', existing: 'X' },
      });
    }
    expect(log.calls).toEqual([]);
  });

  it('does not pass the internal HTTP status hint of a HubError to the client', async () => {
    const err = new HubError(ErrorCode.FORBIDDEN, 'needs ADMIN');
    expect(formatError(err.toJSON(), err, recorder()).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it.each([
    ['an Error', '{ boom }', SECRET],
    ['a TypeError from a bug', '{ plain }', 'Cannot read properties'],
  ])(
    'replaces %s by INTERNAL with an error id, and logs the real error under that id',
    async (_what, source, secret) => {
      const err = await firstError(source);
      for (const formatted of [err.toJSON(), apolloFormatted(err, 'INTERNAL_SERVER_ERROR')]) {
        const log = recorder();
        const out = formatError(
          {
            ...formatted,
            extensions: { ...formatted.extensions, stacktrace: String(err.originalError?.stack).split('\n') },
          },
          err,
          log,
        );
        expect(out.extensions).toEqual({ code: 'INTERNAL', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
        expect(out.message).toContain(String(out.extensions!.errorId));
        const text = JSON.stringify(out);
        expect(text).not.toContain(secret);
        expect(text).not.toContain('stacktrace');
        expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
        expect(log.calls).toHaveLength(1);
        expect(log.calls[0].obj).toMatchObject({ errorId: out.extensions!.errorId, err: err.originalError });
      }
    },
  );

  it('uses the request id as the error id when it has one, so the log line is easy to find', async () => {
    const err = await firstError('{ boom }');
    const out = formatError(err.toJSON(), err, recorder(), 'req-42');
    expect(out.extensions).toEqual({ code: 'INTERNAL', errorId: 'req-42' });
  });

  it('treats an error that is not a GraphQLError at all as INTERNAL', () => {
    const out = formatError({ message: SECRET }, new Error(SECRET), recorder());
    expect(out.extensions?.code).toBe('INTERNAL');
    expect(JSON.stringify(out)).not.toContain('unique constraint');
  });

  it('keeps the code and message of a validation error', async () => {
    const err = await firstError('{ nope }');
    const out = formatError(apolloFormatted(err, 'GRAPHQL_VALIDATION_FAILED'), err, recorder());
    expect(out.message).toBe('Cannot query field "nope" on type "Query".');
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(out.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('keeps the code and message of a syntax error', () => {
    let err: GraphQLError | undefined;
    try {
      parse('{ hub ');
    } catch (e) {
      err = e as GraphQLError;
    }
    const out = formatError(apolloFormatted(err!, 'GRAPHQL_PARSE_FAILED'), err, recorder());
    expect(out.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(out.message).toMatch(/^Syntax Error/);
  });

  it('reports a bad variable as BAD_USER_INPUT with graphql-js’s message, as Apollo codes it', async () => {
    const err = await firstError('query ($n: Int!) { count(n: $n) }', { n: 'seven' });
    const out = formatError(apolloFormatted(err, 'BAD_USER_INPUT'), err, recorder());
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toContain('Variable "$n" got invalid value "seven"');
  });

  it('reports a bad variable as BAD_USER_INPUT when graphql-ws hands over the bare error', async () => {
    const err = await firstError('query ($n: Int!) { count(n: $n) }', { n: 'seven' });
    const out = formatError(err.toJSON(), err, recorder());
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toContain('Variable "$n" got invalid value "seven"');
  });

  it('reports a validation error as BAD_USER_INPUT when graphql-ws hands over the bare error', async () => {
    const err = await firstError('{ nope }');
    const out = formatError(err.toJSON(), err, recorder());
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toBe('Cannot query field "nope" on type "Query".');
  });
});
