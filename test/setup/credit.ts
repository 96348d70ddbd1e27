import { ADMIN } from '../../src/auth/principal';
import { registerSourceSystem } from '../../src/systems/source-system.service';
import type { TestHub } from './hub';

/** Appends the GB 11643 check character to 17 digits. */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The credit code of a deciding authority (a public institution in Hubei). */
export const AUTHORITY = '114200000110438776';

/** Registers a system granted the credit topics (and market entities and trading records); returns its key. */
export async function creditSystem(t: TestHub, code: string, extra: string[] = []): Promise<string> {
  const { apiKey } = await registerSourceSystem(
    t.hub.services.orm.em.fork(),
    ADMIN,
    {
      code,
      name: `${code} 信用系统`,
      kind: 'GOVERNMENT',
      regionCode: '420000',
      topics: ['MARKET_ENTITY', 'EXPERT', 'CREDIT_RECORD', ...extra],
    },
    t.hub.services.registry,
  );
  return apiKey;
}

/** An expert of the pool in Wuhan. */
export function expert(code: string, over: Record<string, unknown> = {}) {
  return {
    code,
    kind: 'TENDERING',
    name: `专家${code}`,
    idNumber: idNumber('42010219700505321'),
    phone: '13800138000',
    specialties: ['A01'],
    regionCode: '420100',
    ...over,
  };
}

/** A bad-conduct record of a market entity, decided on `decidedOn`. */
export function badRecord(code: string, subject: string, over: Record<string, unknown> = {}) {
  return {
    code,
    subjectCreditCode: subject,
    kind: 'BAD_CONDUCT',
    severity: 'GENERAL',
    decidedOn: '2026-05-10',
    decisionNumber: `鄂建罚〔2026〕${code}号`,
    authorityName: '湖北省住房和城乡建设厅',
    authorityCreditCode: AUTHORITY,
    summary: '提供虚假材料谋取中标',
    ...over,
  };
}

const poolSystems = new WeakMap<TestHub, Promise<string>>();

/**
 * Puts experts into the province-wide pool, through pushExperts by a pool
 * system of their own (registered once per hub): committees may only name
 * experts of the pool (EXPERT_NOT_IN_POOL), so a test pushes them before the
 * evaluations that name them. Returns how many were accepted or unchanged.
 */
export async function pushPoolExperts(t: TestHub, codes: readonly string[]): Promise<number> {
  let system = poolSystems.get(t);
  if (!system) {
    system = creditSystem(t, 'EXPERT-POOL');
    poolSystems.set(t, system);
  }
  const key = await system;
  const r = await t.gql<{ pushExperts: { accepted: number; unchanged: number; rejected: number } }>(
    `mutation($records: [ExpertInput!]!) { pushExperts(records: $records) { accepted unchanged rejected } }`,
    { records: codes.map((c) => expert(c)) },
    key,
  );
  if (r.errors || r.data!.pushExperts.rejected)
    throw new Error(`pushing experts ${codes.join(', ')}: ${JSON.stringify(r.errors ?? r.data)}`);
  return r.data!.pushExperts.accepted + r.data!.pushExperts.unchanged;
}
