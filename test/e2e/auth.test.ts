import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { graphql } from '../gql';
import type { RegisterSourceSystemInput } from '../gql/graphql';
import { PUSH, entities, type PushResponse } from '../setup/data';
import { JumpClock, ManualClock } from '../setup/clock';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';

const REGISTER = graphql(`
  mutation AuthRegister($input: RegisterSourceSystemInput!) {
    registerSourceSystem(input: $input) {
      apiKey
      system {
        code
        name
        kind
        regionCode
        createdAt
      }
    }
  }
`);

const READS = graphql(`
  query AuthReads($creditCode: String!) {
    marketEntity(creditCode: $creditCode) {
      creditCode
      name
      sourceSystem {
        code
      }
    }
    marketEntities(first: 5) {
      totalCount
      edges {
        node {
          creditCode
        }
      }
    }
    sourceSystems {
      code
    }
  }
`);

const REGISTER_KEY = graphql(`
  mutation AuthRegisterKey($input: RegisterSourceSystemInput!) {
    registerSourceSystem(input: $input) {
      apiKey
    }
  }
`);

function codeOf(r: GraphQLResponse<unknown>): unknown {
  return r.errors?.[0]?.extensions?.code;
}

describe('authentication and authorisation', () => {
  const clock = new ManualClock(Date.now());
  let t: TestHub;
  let systemKey: string;

  beforeAll(async () => {
    // The hub's clock stands still here: a key cached by it can only be dropped by an admin action seen on the feed.
    t = await startTestHub({}, undefined, { clock });
    systemKey = await t.system('AUTH-TEST');
  });
  afterAll(() => t.stop());

  /** POSTs with a raw Authorization header, for headers that TestHub.gql does not write. */
  async function withHeader(
    authorization: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse> {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await res.json()) as object), status: res.status };
  }

  /** Registers a source system; `input` may hold what the schema refuses (an unknown kind), so it is not typed. */
  function register(input: Record<string, unknown>, key?: string) {
    return t.gql(REGISTER, { input: input as unknown as RegisterSourceSystemInput }, key);
  }

  describe('pushing', () => {
    it('refuses a push without a key as UNAUTHENTICATED and stores nothing', async () => {
      const [e] = entities(1, 100);
      const r = await t.gql(PUSH, { records: [e] });
      expect(r.data ?? null).toBeNull();
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.status).toBe(401);
      expect((await t.gql(READS, { creditCode: e.creditCode! })).data!.marketEntity).toBeNull();
    });

    it('refuses a push with an unknown key as UNAUTHENTICATED with HTTP 401', async () => {
      const r = await t.gql(PUSH, { records: entities(1, 110) }, 'hub_this-key-was-never-issued');
      expect(r.status).toBe(401);
      expect(r.data ?? null).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(r.errors![0].message).toBe('The API key is unknown, expired or revoked');
    });

    it('refuses an unknown key even for reads, rather than treating the caller as anonymous', async () => {
      const r = await t.gql(READS, { creditCode: '91420100MA4K12345K' }, 'hub_this-key-was-never-issued');
      expect(r.status).toBe(401);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    });

    it('refuses an Authorization header that is not a bearer key', async () => {
      const r = await withHeader(`Basic ${Buffer.from(`x:${systemKey}`).toString('base64')}`, String(PUSH), {
        records: entities(1, 120),
      });
      expect(r.status).toBe(401);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    });

    it('accepts a bearer key whatever the case of the scheme', async () => {
      const r = await withHeader(`bearer ${systemKey}`, String(PUSH), { records: entities(1, 130) });
      expect(r.errors).toBeUndefined();
      expect((r.data as unknown as PushResponse).pushMarketEntities.accepted).toBe(1);
    });

    it('refuses a key revoked by `hub keys revoke` in another process, within the feed latency (not the key cache lifetime)', async () => {
      const { apiKey } = (await register({ code: 'AUTH-REVOKED', name: '将被吊销的系统', kind: 'MARKET' }, ADMIN_KEY))
        .data!.registerSourceSystem;
      const ok = await t.gql(PUSH, { records: entities(1, 140) }, apiKey);
      expect(ok.data!.pushMarketEntities.accepted).toBe(1);
      expect(t.hub.services.keyCache.size).toBeGreaterThan(0); // the key is now validated from memory
      const [{ id }] = await t.hub.services.orm.em
        .fork()
        .execute<{ id: number }[]>('select id from api_key where hash = ?', [
          createHash('sha256').update(apiKey).digest('hex'),
        ]);
      const cli = spawnSync(
        process.execPath,
        [join(__dirname, '..', '..', 'bin', 'hub.js'), 'keys', 'revoke', '--id', String(id)],
        {
          env: { PATH: process.env.PATH, DATABASE_URL: t.db.url, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
        },
      );
      expect(cli.status).toBe(0);
      const revokedAt = clock.now();
      let r = await t.gql(PUSH, { records: entities(1, 141) }, apiKey);
      for (const end = Date.now() + 60_000; r.status !== 401 && Date.now() < end;) {
        await new Promise((done) => setTimeout(done, 50));
        r = await t.gql(PUSH, { records: entities(1, 141) }, apiKey);
      }
      // The key cache keeps keys for 10 s of the hub's clock, which has not moved at all: only the ADMIN event
      // in the change feed can have cleared it.
      expect(clock.now() - revokedAt).toBeLessThan(10_000);
      expect(r.status).toBe(401);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    });

    it("honours a key revoked behind the hub's back (a direct database edit) once the key cache lifetime has passed", async () => {
      const shortClock = new JumpClock();
      const short = await startTestHub({ keyCacheSeconds: 1 }, undefined, { clock: shortClock });
      try {
        const { apiKey } = (
          await short.gql(
            REGISTER_KEY,
            { input: { code: 'AUTH-EDITED', name: '库内被改的系统', kind: 'MARKET', regionCode: '420000' } },
            ADMIN_KEY,
          )
        ).data!.registerSourceSystem;
        expect((await short.gql(PUSH, { records: entities(1, 142) }, apiKey)).status).toBe(200);
        await short.hub.services.orm.em
          .fork()
          .execute('update api_key set revoked_at = now() where hash = ?', [
            createHash('sha256').update(apiKey).digest('hex'),
          ]);
        shortClock.jump(1100);
        const r = await short.gql(PUSH, { records: entities(1, 143) }, apiKey);
        expect(r.status).toBe(401);
        expect(codeOf(r)).toBe('UNAUTHENTICATED');
      } finally {
        await short.stop();
      }
    });

    it('refuses every record pushed by a principal that is not a source system, such as the admin', async () => {
      const records = entities(2, 150);
      const r = await t.gql(PUSH, { records }, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      expect(r.data!.pushMarketEntities).toMatchObject({ accepted: 0, rejected: 2 });
      for (const x of r.data!.pushMarketEntities.results)
        expect(x).toMatchObject({ status: 'REJECTED', errors: [{ code: 'FORBIDDEN' }] });
      expect((await t.gql(READS, { creditCode: records[0].creditCode! })).data!.marketEntity).toBeNull();
    });
  });

  describe('registering a source system', () => {
    const input = { code: 'AUTH-NEW', name: '新接入的交易系统', kind: 'GOVERNMENT', regionCode: '420500' };

    it('refuses a caller without a key as UNAUTHENTICATED', async () => {
      const r = await register(input);
      expect(r.data ?? null).toBeNull();
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    });

    it('refuses a source system’s key as FORBIDDEN', async () => {
      const r = await register(input, systemKey);
      expect(r.data ?? null).toBeNull();
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.status).toBe(403);
    });

    it('registers the system for the admin and returns a key that works for pushing', async () => {
      const r = await register(input, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      const { apiKey, system } = r.data!.registerSourceSystem;
      expect(system).toEqual({
        code: 'AUTH-NEW',
        name: '新接入的交易系统',
        kind: 'GOVERNMENT',
        regionCode: '420500',
        createdAt: expect.stringMatching(/Z$/),
      });
      expect(apiKey.length).toBeGreaterThanOrEqual(40);

      const [e] = entities(1, 200);
      const pushed = await t.gql(PUSH, { records: [{ ...e, regionCode: '420500' }] }, apiKey);
      expect(pushed.errors).toBeUndefined();
      expect(pushed.data!.pushMarketEntities.results[0]).toMatchObject({ status: 'ACCEPTED', version: 1 });
      const read = await t.gql(READS, { creditCode: e.creditCode! });
      expect(read.data!.marketEntity!.sourceSystem.code).toBe('AUTH-NEW');
      const listed = await t.gql(READS, { creditCode: e.creditCode! });
      expect(listed.data!.sourceSystems.map((s) => s.code)).toContain('AUTH-NEW');
    });

    it('stores only a hash of the key: the key itself appears nowhere in the table', async () => {
      const { apiKey } = (await register({ code: 'AUTH-HASH', name: '哈希检查系统', kind: 'MARKET' }, ADMIN_KEY)).data!
        .registerSourceSystem;
      const rows = await t.hub.services.orm.em.fork().execute<Record<string, unknown>[]>('select * from api_key');
      const text = JSON.stringify(rows);
      expect(text).not.toContain(apiKey);
      // Nor anything but a short prefix of it (what listings show).
      expect(text).not.toContain(apiKey.slice(0, 16));
      const sha256 = createHash('sha256').update(apiKey).digest('hex');
      expect(rows.filter((row) => Object.values(row).includes(sha256))).toHaveLength(1);
    });

    it('refuses a code that is taken as CONFLICT, whatever its case', async () => {
      await register({ code: 'AUTH-DUP', name: '甲', kind: 'GOVERNMENT' }, ADMIN_KEY);
      for (const code of ['AUTH-DUP', 'auth-dup', ' Auth-Dup ']) {
        const r = await register({ code, name: '乙', kind: 'MARKET' }, ADMIN_KEY);
        expect(r.data ?? null).toBeNull();
        expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
      }
    });

    it('refuses a kind outside the SourceSystemKind enum before anything runs: HTTP 400, BAD_USER_INPUT naming the value and the enum', async () => {
      const r = await register(
        { code: 'AUTH-KIND', name: '私营类型', kind: 'PRIVATE', regionCode: '420100' },
        ADMIN_KEY,
      );
      expect(r.status).toBe(400);
      expect(r.data ?? null).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(r.errors![0].message).toBe(
        'Variable "$input" got invalid value "PRIVATE" at "input.kind"; Value "PRIVATE" does not exist in "SourceSystemKind" enum.',
      );
    });

    it('refuses a kind written as a string literal in the document: GRAPHQL_VALIDATION_FAILED with HTTP 400', async () => {
      const r = await t.gql(
        'mutation { registerSourceSystem(input: { code: "AUTH-KIND", name: "字面量类型", kind: "MARKET" }) { apiKey } }',
        undefined,
        ADMIN_KEY,
      );
      expect(r.status).toBe(400);
      expect(r.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(r.errors![0].message).toMatch(/Enum "SourceSystemKind" cannot represent non-enum value: "MARKET"/);
    });

    it.each([
      [{ regionCode: '110000' }, 'input.regionCode'],
      [{ regionCode: '420199' }, 'input.regionCode'],
      [{ code: 'has space' }, 'input.code'],
      [{ code: 'X' }, 'input.code'],
      [{ name: '   ' }, 'input.name'],
    ])('refuses %j as BAD_USER_INPUT naming the field %s', async (bad, field) => {
      const r = await register(
        { code: 'AUTH-BAD', name: '坏输入', kind: 'MARKET', regionCode: '420100', ...bad },
        ADMIN_KEY,
      );
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('registers nothing when the input is refused', async () => {
      const r = await t.gql(READS, { creditCode: 'x' });
      expect(r.data!.sourceSystems.map((s) => s.code)).not.toContain('AUTH-BAD');
      expect(r.data!.sourceSystems.map((s) => s.code)).not.toContain('AUTH-KIND');
    });
  });

  describe('reading', () => {
    it('serves marketEntity, marketEntities and sourceSystems to anonymous callers', async () => {
      const [e] = entities(1, 300);
      await t.gql(PUSH, { records: [e] }, systemKey);
      const r = await t.gql(READS, { creditCode: e.creditCode! });
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(r.data!.marketEntity).toMatchObject({ creditCode: e.creditCode, sourceSystem: { code: 'AUTH-TEST' } });
      expect(r.data!.marketEntities.totalCount).toBeGreaterThan(0);
      expect(r.data!.marketEntities.edges.length).toBeGreaterThan(0);
      expect(r.data!.sourceSystems.map((s) => s.code)).toContain('AUTH-TEST');
    });
  });
});
