import { graphql } from '../gql';
import type { TypedDocumentString } from '../gql/graphql';
import { code } from '../setup/data';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';

/*
 * Operators' actions racing each other on the same name, code or key. Each
 * one decides "does it exist yet?" and writes an ADMIN event in the same
 * transaction: the decision must hold when the write commits, so a racing
 * twin gets CONFLICT or NOT_FOUND (never INTERNAL from a unique violation),
 * and the change log holds one event per change that really happened, the
 * last one describing what is stored.
 */

const ROUNDS = 10;

const REGISTER = graphql(`
  mutation RaceRegister($i: RegisterSourceSystemInput!) {
    registerSourceSystem(input: $i) {
      apiKey
      system {
        code
        name
      }
    }
  }
`);
const CLIENT = graphql(`
  mutation RaceClient($i: CreateClientInput!) {
    createClient(input: $i) {
      apiKey
      key {
        id
      }
      principal {
        name
      }
    }
  }
`);
const ADD = graphql(`
  mutation RaceAddException($i: CreditCodeExceptionInput!) {
    addCreditCodeException(input: $i) {
      code
    }
  }
`);
const REMOVE = graphql(`
  mutation RaceRemoveException($c: String!) {
    removeCreditCodeException(code: $c) {
      code
    }
  }
`);
const CATEGORY = graphql(`
  mutation RaceCategory($i: CatalogCategoryInput!) {
    upsertCatalogCategory(input: $i)
  }
`);
const SUB_ITEM = graphql(`
  mutation RaceSubItem($i: CatalogSubItemInput!) {
    upsertCatalogSubItem(input: $i)
  }
`);
const GRANTS = graphql(`
  mutation RaceGrants($p: String!, $i: GrantsInput!) {
    updateGrants(principal: $p, input: $i) {
      name
    }
  }
`);
const REVOKE = graphql(`
  mutation RaceRevoke($id: Int!) {
    revokeApiKey(keyId: $id) {
      id
    }
  }
`);
const ROTATE = graphql(`
  mutation RaceRotate($id: Int!) {
    rotateApiKey(keyId: $id) {
      apiKey
    }
  }
`);

describe('operators acting on the same thing at once', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t?.stop());

  const admin = <R, V>(query: TypedDocumentString<R, V>, variables: V) => t.gql(query, variables, ADMIN_KEY);
  const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);

  function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return t.hub.services.orm.em.fork().execute<T[]>(text, params);
  }

  const adminEvents = (target: string) =>
    sql<{ seq: string; action: string; data: Record<string, unknown> }>(
      `select seq, data->>'action' as action, data from change_event where topic = 'ADMIN' and key = ? order by seq`,
      [target],
    );

  /** Of two racing requests, one succeeded and the other failed with `code` (never INTERNAL). */
  function oneWins(pair: GraphQLResponse<unknown>[], code: string, round: number): number {
    const outcome = pair.map((r) => (r.errors ? codes(r).join(',') : 'ok')).sort();
    expect({ round, outcome }).toEqual({ round, outcome: [code, 'ok'].sort() });
    return pair.findIndex((r) => !r.errors);
  }

  it(`registers a source system once when two operators register the same code at once, ${ROUNDS} rounds`, async () => {
    for (let n = 0; n < ROUNDS; n++) {
      const c = `TWIN-SYS-${n}`;
      const pair = await Promise.all(
        ['甲', '乙'].map((who) => admin(REGISTER, { i: { code: c, name: `${who} 的系统`, kind: 'GOVERNMENT' } })),
      );
      const w = oneWins(pair, 'CONFLICT', n);
      expect(pair[1 - w].errors![0].extensions).toMatchObject({ field: 'input.code' });
      expect(await sql(`select name from source_system where code = ?`, [c])).toEqual([
        { name: `${['甲', '乙'][w]} 的系统` },
      ]);
      expect(
        await sql(
          `select count(*)::int as n from api_key k join principal p on p.id = k.principal_id where p.name = ?`,
          [c],
        ),
      ).toEqual([{ n: 1 }]);
      expect((await adminEvents(`principal:${c}`)).map((e) => e.action)).toEqual(['REGISTER_SOURCE_SYSTEM']);
    }
  });

  it(`creates a client once when two operators create the same name at once, or one registers a system under it, ${ROUNDS} rounds`, async () => {
    for (let n = 0; n < ROUNDS; n++) {
      const name = `TWIN-CLIENT-${n}`;
      const pair = await Promise.all([
        admin(CLIENT, { i: { name, roles: ['INTEGRATOR'] } }),
        n % 2
          ? admin(CLIENT, { i: { name, roles: ['DASHBOARD'] } })
          : admin(REGISTER, { i: { code: name, name: 'x', kind: 'MARKET' } }),
      ]);
      oneWins(pair, 'CONFLICT', n);
      expect(await sql(`select count(*)::int as n from principal where name = ?`, [name])).toEqual([{ n: 1 }]);
      expect(await adminEvents(`principal:${name}`)).toHaveLength(1);
    }
  });

  describe('the credit-code exception list', () => {
    /** A well-formed code whose check character is wrong. */
    const excusable = (n: number) => {
      const good = code(`TWXN${String(n).padStart(5, '0')}`);
      return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    };

    it(`adds a code once and removes it once when operators race, ${ROUNDS} rounds`, async () => {
      for (let n = 0; n < ROUNDS; n++) {
        const c = excusable(n);
        oneWins(
          await Promise.all(['一', '二'].map((who) => admin(ADD, { i: { code: c, reason: `确认 ${who}` } }))),
          'CONFLICT',
          n,
        );
        oneWins(await Promise.all([admin(REMOVE, { c }), admin(REMOVE, { c })]), 'NOT_FOUND', n);
        expect((await adminEvents(`credit-code-exception:${c}`)).map((e) => e.action)).toEqual([
          'ADD_CREDIT_CODE_EXCEPTION',
          'REMOVE_CREDIT_CODE_EXCEPTION',
        ]);
      }
    });
  });

  describe('the trading catalog', () => {
    it(`upserts a new category and sub-item from two operators at once: both stored in turn, the last event is what is stored, ${ROUNDS} rounds`, async () => {
      for (let n = 0; n < ROUNDS; n++) {
        const cat = `TWIN_CAT_${n}`;
        const both = await Promise.all([
          admin(CATEGORY, { i: { code: cat, name: '甲类' } }),
          admin(CATEGORY, { i: { code: cat, name: '乙类', sortOrder: 7 } }),
        ]);
        expect({ round: n, errors: both.flatMap(codes) }).toEqual({ round: n, errors: [] });
        const catEvents = await adminEvents(`category:${cat}`);
        expect(catEvents).toHaveLength(2);
        const [stored] = await sql<{ name: string; sort_order: number }>(
          `select name, sort_order from trading_category where code = ?`,
          [cat],
        );
        expect({ name: stored.name, sortOrder: stored.sort_order }).toEqual({
          name: catEvents[1].data.name,
          sortOrder: catEvents[1].data.sortOrder,
        });

        const sub = `TWIN_SUB_${n}`;
        const subs = await Promise.all(
          ['甲', '乙'].map((who) => admin(SUB_ITEM, { i: { code: sub, categoryCode: cat, name: `${who} 子项` } })),
        );
        expect({ round: n, errors: subs.flatMap(codes) }).toEqual({ round: n, errors: [] });
        const subEvents = await adminEvents(`sub-item:${sub}`);
        expect(subEvents).toHaveLength(2);
        expect(await sql(`select name from trading_sub_item where code = ?`, [sub])).toEqual([
          { name: subEvents[1].data.name },
        ]);
      }
    });
  });

  describe('grants and keys', () => {
    it(`applies two operators' grant changes to one principal in turn, the last event saying what is stored, ${ROUNDS} rounds`, async () => {
      for (let n = 0; n < ROUNDS; n++) {
        const name = `TWIN-GRANTS-${n}`;
        expect((await admin(CLIENT, { i: { name, roles: ['INTEGRATOR'] } })).errors).toBeUndefined();
        const both = await Promise.all([
          admin(GRANTS, { p: name, i: { readTopics: ['BID'] } }),
          admin(GRANTS, { p: name, i: { reveal: ['PERSONAL_ID'] } }),
        ]);
        expect({ round: n, errors: both.flatMap(codes) }).toEqual({ round: n, errors: [] });
        const [stored] = await sql<{ read_topics: string[]; reveal: string[] }>(
          `select read_topics, reveal from principal where name = ?`,
          [name],
        );
        expect(stored).toEqual({ read_topics: ['BID'], reveal: ['PERSONAL_ID'] });
        const last = (await adminEvents(`principal:${name}`)).at(-1)!;
        expect({ readTopics: last.data.readTopics, reveal: last.data.reveal }).toEqual({
          readTopics: ['BID'],
          reveal: ['PERSONAL_ID'],
        });
      }
    });

    it(`never rotates a key that a racing operator revoked first, ${ROUNDS} rounds`, async () => {
      for (let n = 0; n < ROUNDS; n++) {
        const name = `TWIN-KEY-${n}`;
        const created = await admin(CLIENT, { i: { name, roles: ['INTEGRATOR'] } });
        const keyId = created.data!.createClient.key.id;
        const [revoked, rotated] = await Promise.all([admin(REVOKE, { id: keyId }), admin(ROTATE, { id: keyId })]);
        expect(revoked.errors).toBeUndefined();
        const actions = (await adminEvents(`principal:${name}`)).map((e) => e.action);
        if (rotated.errors) {
          expect({ round: n, codes: codes(rotated) }).toEqual({ round: n, codes: ['NOT_FOUND'] });
          expect(actions).toEqual(['CREATE_CLIENT', 'REVOKE_KEY']);
        } else {
          // Rotated while the key was still active: the rotation comes first in the log.
          expect({ round: n, actions }).toEqual({ round: n, actions: ['CREATE_CLIENT', 'ROTATE_KEY', 'REVOKE_KEY'] });
        }
      }
    });
  });
});
