import { parse } from 'graphql';
import { checkGrantCategories } from '../../src/auth/admin.rules';
import { HubError } from '../../src/common/errors';
import { operationLabel } from '../../src/server/request-log';
import { normalise, outputBlocks, runBlocks, withOutputs } from '../readme/readme';

describe('operationLabel (the operation of a request log line)', () => {
  it('is the operation name, or its type and root fields when it has none', () => {
    expect(operationLabel(parse('query Count { a b }'), undefined)).toBe('Count');
    expect(operationLabel(parse('{ marketEntities { totalCount } sourceSystems { code } }'), null)).toBe(
      'query marketEntities,sourceSystems',
    );
    expect(operationLabel(parse('mutation { pushBids(records: []) { accepted } }'), undefined)).toBe(
      'mutation pushBids',
    );
  });

  it('picks the named operation of several, and falls back to the name asked for when the text did not parse', () => {
    const doc = parse('query A { a } query B { b }');
    expect(operationLabel(doc, 'B')).toBe('B');
    expect(operationLabel(doc, undefined)).toBeNull();
    expect(operationLabel(undefined, 'Asked')).toBe('Asked');
    expect(operationLabel(undefined, undefined)).toBeNull();
  });
});

describe('checkGrantCategories', () => {
  const valid = ['ENGINEERING', 'GOV_PROCUREMENT'];

  it("accepts the catalog's categories and '*'", () => {
    expect(() => checkGrantCategories(['GOV_PROCUREMENT', '*'], valid)).not.toThrow();
    expect(() => checkGrantCategories(undefined, valid)).not.toThrow();
  });

  it('refuses unknown ones naming them and the valid ones, on the field', () => {
    let err: unknown;
    try {
      checkGrantCategories(['FOO', 'ENGINEERING', 'BAR'], valid);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).message).toBe(
      "unknown catalog categories FOO, BAR; valid are ENGINEERING, GOV_PROCUREMENT or '*' (all)",
    );
    expect((err as HubError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categories' });
  });
});

describe('README blocks', () => {
  const readme = [
    'Text',
    '<!-- run: one -->',
    '```sh',
    'echo 1',
    '```',
    '',
    '<!-- output: one -->',
    '```json',
    'old',
    '```',
    '<!-- /output -->',
    '```sh',
    'npm start',
    '```',
    '',
  ].join('\n');

  it('finds the run blocks and the output blocks by name; unmarked blocks are not run', () => {
    expect(runBlocks(readme)).toEqual([{ name: 'one', script: 'echo 1' }]);
    expect(outputBlocks(readme)).toEqual(new Map([['one', 'old\n']]));
  });

  it('rewrites only the output blocks', () => {
    const rewritten = withOutputs(readme, new Map([['one', 'new\n']]));
    expect(rewritten).toBe(readme.replace('old\n', 'new\n'));
    expect(withOutputs(readme, new Map())).toBe(readme);
  });

  it('normalises what legitimately varies: times, days, keys, ids and hashes', () => {
    expect(
      normalise(
        `at 2026-12-07T17:40:01.572Z, 2026-10-09T01:00:00+08:00 on 2026-11-13; key hub_2sZhivn8… and hub_${'a'.repeat(40)}; id 5f0c1c2e-0000-4000-8000-000000000001; hash ${'ab'.repeat(32)}`,
      ),
    ).toBe('at <time>, <time> on <day>; key <key>… and <key>; id <uuid>; hash <hash>');
  });
});
