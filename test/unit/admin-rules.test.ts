import { optionOf } from '../../resolvers/app/cli';
import { checkGrants as checkGrantsOf, checkPrincipalName, type GrantsInput } from '../../src/auth/admin.rules';
import { ADMIN, ANONYMOUS, Role, regionGranted, type Principal } from '../../src/auth/principal';
import { feedTopics as feedTopicsOf } from '../../resolvers/feed/changes.resolver';
import { ChangeTopic, REGISTRY } from '../../resolvers/families';

/** The rules with the hub's vocabulary of topics and masking classes. */
const checkGrants = (input: GrantsInput) => checkGrantsOf(input, REGISTRY);
const feedTopics = (p: Principal, requested: readonly string[] | undefined) =>
  feedTopicsOf(p, requested, REGISTRY.topics);

function consumer(topics: ChangeTopic[]): Principal {
  return {
    ...ANONYMOUS,
    id: 'c/key:1',
    name: 'c',
    roles: new Set([Role.FEED_CONSUMER]),
    grants: { ...ANONYMOUS.grants, readTopics: new Set(topics) },
  };
}

describe('grant rules', () => {
  it('normalises and sorts grant lists', () => {
    expect(
      checkGrants({ roles: ['integrator', 'FEED_CONSUMER', 'INTEGRATOR'], regions: ['420500', '420100'] }),
    ).toMatchObject({
      roles: ['FEED_CONSUMER', 'INTEGRATOR'],
      regions: ['420100', '420500'],
    });
  });

  it.each([
    [{ roles: ['ROOT'] }, 'input.roles'],
    [{ readTopics: ['NOPE'] }, 'input.readTopics'],
    [{ regions: ['110000'] }, 'input.regions'],
    [{ reveal: ['EVERYTHING'] }, 'input.reveal'],
    [{ writeTopics: ['ADMIN'] }, 'input.writeTopics'],
  ])('rejects %j naming %s', (input, field) => {
    expect(() => checkGrants(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });

  it('accepts names of letters, digits, dots, dashes and underscores only', () => {
    expect(checkPrincipalName(' national-platform ')).toBe('national-platform');
    expect(() => checkPrincipalName('a b')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('grants a prefecture its counties and the province everything', () => {
    expect(regionGranted(['420100'], '420106')).toBe(true);
    expect(regionGranted(['420100'], '420500')).toBe(false);
    expect(regionGranted(['420000'], '429004')).toBe(true);
    expect(regionGranted(['420106'], '420106')).toBe(true);
    expect(regionGranted([], '420106')).toBe(false);
  });
});

describe('feed topic grants', () => {
  it('gives a consumer all of its granted topics when it names none', () => {
    expect(feedTopics(consumer([ChangeTopic.MARKET_ENTITY]), undefined)).toEqual([ChangeTopic.MARKET_ENTITY]);
  });

  it('refuses a topic the consumer is not granted', () => {
    expect(() => feedTopics(consumer([ChangeTopic.MARKET_ENTITY]), [ChangeTopic.ADMIN])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses anonymous callers and principals without any topic', () => {
    expect(() => feedTopics(ANONYMOUS, undefined)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => feedTopics(consumer([]), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets operators follow every topic', () => {
    expect(feedTopics(ADMIN, undefined).sort()).toEqual(Object.values(ChangeTopic).sort());
  });
});

describe('command-line errors name the option', () => {
  it('maps API field paths to the options of the hub command', () => {
    expect(
      [
        'input.kind',
        'input.readTopics',
        'input.regionCode',
        'input.authoritativeTopics',
        'code',
        'keyId',
        'graceSeconds',
        'input.regions.1',
      ].map(optionOf),
    ).toEqual(['--kind', '--read-topics', '--region', '--authoritative', '--code', '--id', '--grace', '--regions']);
  });
});
