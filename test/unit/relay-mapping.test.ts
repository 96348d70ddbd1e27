import { ackDecision, batchKey, checkFilter, passes } from '../../src/consumers/consumers.rules';
import { HubError } from '../../src/common/errors';
import { backoffDelay } from '../../src/relay/backoff';
import { creditHubei } from '../../src/relay/credit-hubei';
import { NATIONAL_DATA_SETS, nationalPlatform } from '../../src/relay/national';
import { transactionCode } from '../../src/relay/national/dataset';
import { ocdsPackages, projectOf } from '../../src/relay/national/ocds';
import { relaySettings } from '../../src/relay/settings';
import type { RelayEvent } from '../../src/relay/target';
import { unifiedTransactionCode } from '../../src/trading';
import type { OcdsRelease } from '../../src/trading';

const event = (over: Partial<RelayEvent>): RelayEvent => ({
  cursor: 'c',
  seq: 42,
  topic: 'MARKET_ENTITY',
  op: 'CREATE',
  key: 'K',
  version: 1,
  occurredAt: '2026-09-01T00:00:00.000Z',
  sourceSystem: 'SYS',
  data: {},
  ...over,
});

describe('consumer rules', () => {
  it('moves a checkpoint forward only, within the log', () => {
    expect(ackDecision(5, 7, 10)).toBe('move');
    expect(ackDecision(5, 5, 10)).toBe('same');
    const behind = ackDecision(5, 4, 10) as HubError;
    expect(behind.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ACK_BEHIND' });
    const beyond = ackDecision(5, 11, 10) as HubError;
    expect(beyond.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ACK_BEYOND_HEAD', head: '10' });
  });

  it('checks and applies filters', () => {
    expect(checkFilter(null)).toBeNull();
    expect(checkFilter({ ops: [], sourceSystems: null })).toBeNull();
    expect(checkFilter({ ops: ['DELETE', 'CREATE', 'CREATE'] })).toEqual({ ops: ['CREATE', 'DELETE'] });
    expect(() => checkFilter({ ops: ['MOVE'] })).toThrow(/unknown ops MOVE/);
    expect(() => checkFilter({ sourceSystems: ['a b'] })).toThrow(/system codes/);
    const f = { ops: ['CREATE'], sourceSystems: ['SYS'] };
    expect(passes(f, { op: 'CREATE', sourceSystem: 'SYS' })).toBe(true);
    expect(passes(f, { op: 'UPDATE', sourceSystem: 'SYS' })).toBe(false);
    expect(passes(f, { op: 'CREATE', sourceSystem: null })).toBe(false);
    expect(passes(null, { op: 'DELETE', sourceSystem: null })).toBe(true);
  });

  it('names a batch by its consumer and cursor range', () => {
    expect(batchKey('national-platform', 100, 199)).toBe('national-platform:100-199');
  });
});

describe('relay delivery settings', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 100, 10000, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, 10000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 10000, () => 0.5)).toBe(7500);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(4, 100, 10000);
      expect(d).toBeGreaterThanOrEqual(800);
      expect(d).toBeLessThanOrEqual(1600);
    }
  });

  it('reads options before the environment and refuses what is missing or out of range', () => {
    const s = relaySettings(['--target', 'http://t/', '--batch', '50'], {
      HUB_URL: 'http://hub/graphql',
      HUB_API_KEY: 'k',
      HUB_RELAY_TARGET: 'http://other/',
    });
    expect(s).toMatchObject({ hub: 'http://hub/graphql', key: 'k', target: 'http://t/', batch: 50, timeoutMs: 10000 });
    expect(() => relaySettings([], { HUB_URL: 'h', HUB_API_KEY: 'k' })).toThrow(/--target \(or HUB_RELAY_TARGET\)/);
    expect(() => relaySettings(['--batch', '0'], { HUB_URL: 'h', HUB_API_KEY: 'k', HUB_RELAY_TARGET: 't' })).toThrow(
      /--batch must be an integer from 1/,
    );
  });
});

describe('national platform mappings', () => {
  it('puts each topic in its data set, with the mapping version, one record per event', () => {
    const r = nationalPlatform.map(event({ topic: 'MARKET_ENTITY', data: { creditCode: 'K', name: 'n' } }));
    expect(r).toEqual({
      id: '42',
      cursor: 'c',
      dataSet: 'subject',
      mapping: 'subject/1',
      action: 'CREATE',
      key: 'K',
      version: 1,
      occurredAt: '2026-09-01T00:00:00.000Z',
      payload: { topic: 'MARKET_ENTITY', record: { creditCode: 'K', name: 'n' } },
    });
    expect(nationalPlatform.map(event({ topic: 'AWARD' })).dataSet).toBe('trading-result');
    expect(nationalPlatform.map(event({ topic: 'ANNOUNCEMENT' })).dataSet).toBe('trading-announcement');
    expect(nationalPlatform.map(event({ topic: 'SOMETHING_NEW' })).dataSet).toBe('unmapped');
    // No topic in two data sets.
    const topics = NATIONAL_DATA_SETS.flatMap((d) => d.topics);
    expect(new Set(topics).size).toBe(topics.length);
  });

  it('carries the unified transaction identifier of a project: pushed, or formed by the hub', () => {
    const project = event({ topic: 'TRADING_PROJECT', key: 'P-1', data: { code: 'P-1', regionCode: '420100' } });
    expect(transactionCode(project)).toBe('HB420100-P-1');
    expect(unifiedTransactionCode({ code: 'P-1', regionCode: '420100' })).toBe('HB420100-P-1');
    expect(transactionCode({ ...project, data: { ...project.data, unifiedTransactionCode: 'NAT-0001' } })).toBe(
      'NAT-0001',
    );
    expect(nationalPlatform.map(project).payload).toMatchObject({
      unifiedTransactionCode: 'HB420100-P-1',
      domain: null,
    });
    expect(transactionCode(event({ topic: 'BID', data: { sectionCode: 'S' } }))).toBeNull();
    expect(projectOf(project)).toBe('P-1');
    expect(projectOf(event({ topic: 'AWARD', data: { projectCode: 'P-2' } }))).toBe('P-2');
  });

  it('packs OCDS releases in packages of at most N', () => {
    const releases = Array.from({ length: 5 }, (_, i) => ({
      ocid: `o-${i}`,
      id: `r-${i}`,
      date: '2026-09-01T00:00:00Z',
    }));
    const packages = ocdsPackages(releases as unknown as OcdsRelease[], 2) as { releases: unknown[] }[];
    expect(packages.map((p) => p.releases.length)).toEqual([2, 2, 1]);
  });
});

describe('Credit Hubei mapping', () => {
  it('publishes on CREATE and UPDATE and withdraws on DELETE, on the topic set', () => {
    const m = creditHubei('CREDIT_PUBLICATION');
    expect(m.topics).toEqual(['CREDIT_PUBLICATION']);
    expect(m.map(event({ op: 'CREATE', data: { a: 1 } }))).toMatchObject({ action: 'PUBLISH', payload: { a: 1 } });
    expect(m.map(event({ op: 'UPDATE' })).action).toBe('PUBLISH');
    expect(m.map(event({ op: 'DELETE', key: 'X', data: { code: 'X', reason: 'REPAIRED' } }))).toMatchObject({
      action: 'WITHDRAW',
      mapping: 'credit-hubei/2',
      payload: { key: 'X', reason: 'REPAIRED' },
    });
    expect(m.map(event({ op: 'DELETE', key: 'Y' })).payload).toEqual({ key: 'Y', reason: null });
  });

  it('follows CREDIT_PUBLICATION by default, MARKET_ENTITY when asked, nothing else', () => {
    expect(creditHubei().topics).toEqual(['CREDIT_PUBLICATION']);
    expect(creditHubei('MARKET_ENTITY').topics).toEqual(['MARKET_ENTITY']);
    expect(() => creditHubei('TRADING_PROJECT')).toThrow(/--topic must be one of CREDIT_PUBLICATION, MARKET_ENTITY/);
  });
});
