import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { graphql } from '../gql';
import type { ExceptionPushMutation } from '../gql/graphql';
import { code } from '../setup/data';
import { hubCommand } from '../setup/cli';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';

/*
 * The operators' list of legally issued credit codes that fail the GB 32100
 * check character, managed over GraphQL (ADMIN) and with `hub credit-codes`,
 * and what it changes for a push.
 */

const LIST = graphql(`
  query ExceptionList {
    creditCodeExceptions {
      code
      reason
      createdAt
    }
  }
`);
const ADD = graphql(`
  mutation ExceptionAdd($input: CreditCodeExceptionInput!) {
    addCreditCodeException(input: $input) {
      code
      reason
      createdAt
    }
  }
`);
const REMOVE = graphql(`
  mutation ExceptionRemove($code: String!) {
    removeCreditCodeException(code: $code) {
      code
      reason
    }
  }
`);
const PUSH = graphql(`
  mutation ExceptionPush($r: [MarketEntityInput!]!) {
    pushMarketEntities(records: $r) {
      results {
        status
        version
        errors {
          field
          code
          message
        }
      }
    }
  }
`);
const ENTITY_NAME = graphql(`
  query ExceptionEntityName($c: String!) {
    marketEntity(creditCode: $c) {
      name
    }
  }
`);
const READER = graphql(`
  mutation ExceptionReader {
    createClient(input: { name: "cce-reader", roles: [INTEGRATOR] }) {
      apiKey
    }
  }
`);
const SEEDED = ['91350100M0001TGQXM', '91350203M0001FUE2P', '91350211M0000XUF46'];

type PushResult = ExceptionPushMutation['pushMarketEntities']['results'][number];

/** A well-formed code in Wuhan with the given organisation code, whose check character is wrong. */
function wrongCheck(org: string): string {
  const valid = code(org);
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
}

describe('credit-code exceptions', () => {
  let t: TestHub;
  let systemKey: string;

  beforeAll(async () => {
    t = await startTestHub();
    systemKey = await t.system('CCE-TEST');
  });
  afterAll(() => t.stop());

  async function push(creditCode: string, name: string): Promise<PushResult> {
    const r = await t.gql(PUSH, { r: [{ creditCode, name, roles: ['BIDDER'], regionCode: '420102' }] }, systemKey);
    expect(r.errors).toBeUndefined();
    return r.data!.pushMarketEntities.results[0];
  }

  function firstError(r: GraphQLResponse<unknown>): Record<string, unknown> | undefined {
    return r.errors?.[0]?.extensions;
  }

  async function adminEvents(target: string): Promise<{ principal: string; data: Record<string, unknown> }[]> {
    return t.hub.services.orm.em
      .fork()
      .execute("select principal, data from change_event where topic = 'ADMIN' and key = ? order by seq", [target]);
  }

  describe('over GraphQL', () => {
    const excused = wrongCheck('MA4KCCE01');

    it('lists the seeded pilot codes with their reasons for the admin', async () => {
      const r = await t.gql(LIST, {}, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      expect(r.data!.creditCodeExceptions.map((e) => e.code)).toEqual(SEEDED);
      expect(r.data!.creditCodeExceptions[0]).toEqual({
        code: SEEDED[0],
        reason: 'early pilot code, legally issued',
        createdAt: expect.stringMatching(/Z$/),
      });
    });

    it('rejects a push of a code with a wrong check character while it is not listed', async () => {
      expect(await push(excused, '未列入例外的公司')).toMatchObject({
        status: 'REJECTED',
        errors: [{ field: 'creditCode', code: 'BAD_USER_INPUT', message: expect.stringMatching(/check character/) }],
      });
    });

    it('accepts the next push of the code once the admin adds it, and records the action under ADMIN', async () => {
      const r = await t.gql(
        ADD,
        { input: { code: excused.toLowerCase(), reason: ' 武汉市市场监管局确认为合法颁发的试点代码 ' } },
        ADMIN_KEY,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.addCreditCodeException).toEqual({
        code: excused,
        reason: '武汉市市场监管局确认为合法颁发的试点代码',
        createdAt: expect.stringMatching(/Z$/),
      });
      expect(await push(excused, '已列入例外的公司')).toMatchObject({ status: 'ACCEPTED', version: 1, errors: [] });
      const listed = await t.gql(LIST, {}, ADMIN_KEY);
      expect(listed.data!.creditCodeExceptions.map((e) => e.code)).toContain(excused);
      expect(await adminEvents(`credit-code-exception:${excused}`)).toEqual([
        {
          principal: 'admin',
          data: {
            action: 'ADD_CREDIT_CODE_EXCEPTION',
            target: `credit-code-exception:${excused}`,
            code: excused,
            reason: '武汉市市场监管局确认为合法颁发的试点代码',
          },
        },
      ]);
    });

    it('refuses to add the same code twice as CONFLICT', async () => {
      const r = await t.gql(ADD, { input: { code: excused, reason: 'again' } }, ADMIN_KEY);
      expect(r.data ?? null).toBeNull();
      expect(firstError(r)).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    });

    it('rejects the code again once the admin removes it (the stored record stays), and records that under ADMIN', async () => {
      const r = await t.gql(REMOVE, { code: excused }, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      expect(r.data!.removeCreditCodeException).toEqual({
        code: excused,
        reason: '武汉市市场监管局确认为合法颁发的试点代码',
      });
      expect(await push(excused, '已移出例外的公司')).toMatchObject({
        status: 'REJECTED',
        errors: [{ field: 'creditCode', code: 'BAD_USER_INPUT' }],
      });
      const listed = await t.gql(LIST, {}, ADMIN_KEY);
      expect(listed.data!.creditCodeExceptions.map((e) => e.code)).toEqual(SEEDED);
      const stored = await t.gql(ENTITY_NAME, { c: excused }, ADMIN_KEY);
      expect(stored.data!.marketEntity!.name).toBe('已列入例外的公司');
      expect((await adminEvents(`credit-code-exception:${excused}`)).map((e) => e.data.action)).toEqual([
        'ADD_CREDIT_CODE_EXCEPTION',
        'REMOVE_CREDIT_CODE_EXCEPTION',
      ]);
    });

    it('refuses to remove a code that is not listed as NOT_FOUND', async () => {
      const r = await t.gql(REMOVE, { code: excused }, ADMIN_KEY);
      expect(firstError(r)).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    });

    it('refuses a code that passes the check (it needs no exception) as BAD_USER_INPUT naming input.code', async () => {
      const valid = code('MA4KCCE02');
      const r = await t.gql(ADD, { input: { code: valid, reason: 'not needed' } }, ADMIN_KEY);
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0].message).toBe(`${valid} passes the GB 32100-2015 check character; it needs no exception`);
      expect(firstError(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.code', rule: 'CODE_PASSES_CHECK' });
    });

    it.each([
      [{ code: '91420100MA4K' }, 'input.code'],
      [{ code: '91420100MA4KIOZSVX' }, 'input.code'],
      [{ reason: '  ' }, 'input.reason'],
    ])('refuses %j as BAD_USER_INPUT naming %s, and lists nothing new', async (bad, field) => {
      const r = await t.gql(ADD, { input: { code: wrongCheck('MA4KCCE03'), reason: 'r', ...bad } }, ADMIN_KEY);
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const listed = await t.gql(LIST, {}, ADMIN_KEY);
      expect(listed.data!.creditCodeExceptions.map((e) => e.code)).toEqual(SEEDED);
    });
  });

  describe('for anyone but the admin', () => {
    const target = wrongCheck('MA4KCCE04');
    let integratorKey: string;

    beforeAll(async () => {
      const r = await t.gql(READER, {}, ADMIN_KEY);
      integratorKey = r.data!.createClient.apiKey;
    });

    it.each([
      ['a source system', () => systemKey, 'FORBIDDEN', 403],
      ['an integrator', () => integratorKey, 'FORBIDDEN', 403],
      ['an anonymous caller', () => undefined, 'UNAUTHENTICATED', 401],
    ])('refuses %s the list, adding and removing', async (_who, key, errorCode, status) => {
      for (const send of [
        () => t.gql(LIST, {}, key()),
        () => t.gql(ADD, { input: { code: target, reason: 'not an operator' } }, key()),
        () => t.gql(REMOVE, { code: SEEDED[0] }, key()),
      ]) {
        const r: GraphQLResponse<unknown> = await send();
        expect(r.data ?? null).toBeNull();
        expect(firstError(r)).toMatchObject({ code: errorCode });
        expect(r.status).toBe(status);
      }
      const listed = await t.gql(LIST, {}, ADMIN_KEY);
      expect(listed.data!.creditCodeExceptions.map((e) => e.code)).toEqual(SEEDED);
    });
  });

  describe('with `hub credit-codes`', () => {
    const viaCli = wrongCheck('MA4KCCE05');

    beforeAll(() => {
      if (!existsSync(join(__dirname, '..', '..', 'dist', 'resolvers', 'app', 'cli.js')))
        throw new Error('dist/resolvers/app/cli.js is missing: run `npm run build` before jest');
    });

    it('adds a code in another process; the running hub accepts it with the next push', async () => {
      expect((await push(viaCli, '命令行例外公司')).status).toBe('REJECTED');
      const r = await hubCommand(t.db.url, ['credit-codes', 'add', '--code', viaCli, '--reason', '省市场监管局函确认']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(`Added ${viaCli} to the credit-code exceptions: pushes accept it from now on.`);
      expect(await push(viaCli, '命令行例外公司')).toMatchObject({ status: 'ACCEPTED', version: 1 });
      expect(await adminEvents(`credit-code-exception:${viaCli}`)).toEqual([
        { principal: 'cli', data: expect.objectContaining({ action: 'ADD_CREDIT_CODE_EXCEPTION', code: viaCli }) },
      ]);
    });

    it('lists every exception with its reason, one a line', async () => {
      const r = await hubCommand(t.db.url, ['credit-codes', 'list']);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.map((l) => l.split('\t')[0])).toEqual([...SEEDED, viaCli].sort());
      expect(lines.find((l) => l.startsWith(viaCli))).toMatch(
        new RegExp(`^${viaCli}\\t\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t省市场监管局函确认$`),
      );
    });

    it('removes it; the next push is rejected again', async () => {
      const r = await hubCommand(t.db.url, ['credit-codes', 'remove', '--code', viaCli]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(`Removed ${viaCli} from the credit-code exceptions: pushes reject it again.`);
      expect((await push(viaCli, '命令行例外公司（改）')).status).toBe('REJECTED');
    });

    it('refuses a code that passes the check, a missing reason and an unknown code with a clear message and a non-zero exit', async () => {
      const valid = code('MA4KCCE06');
      const passes = await hubCommand(t.db.url, ['credit-codes', 'add', '--code', valid, '--reason', 'x']);
      expect(passes.status).not.toBe(0);
      expect(passes.stderr.trim()).toBe(
        `hub: BAD_USER_INPUT: ${valid} passes the GB 32100-2015 check character; it needs no exception (--code)`,
      );
      const noReason = await hubCommand(t.db.url, ['credit-codes', 'add', '--code', viaCli]);
      expect(noReason.status).not.toBe(0);
      expect(noReason.stderr.trim()).toBe('hub: --reason is required');
      const unknown = await hubCommand(t.db.url, ['credit-codes', 'remove', '--code', viaCli]);
      expect(unknown.status).not.toBe(0);
      expect(unknown.stderr.trim()).toBe(`hub: NOT_FOUND: ${viaCli} is not on the exception list (--code)`);
    });
  });
});
