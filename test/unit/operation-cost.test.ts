import { buildSchema, parse } from 'graphql';
import { checkCost, costVariables } from '../../src/limits/operation-limits';

const schema = buildSchema(`
  type Item { name: String, parts(first: Int): [Item] }
  input ItemInput { name: String, first: Int }
  type Query { items(first: Int, last: Int): [Item] }
  type Mutation { push(records: [ItemInput!]!, first: Int): Int }
`);

describe('the cost memo', () => {
  it('is keyed by the variables given to first, last and directives only', () => {
    const doc = parse(`
      query Q($n: Int, $m: Int, $show: Boolean!, $name: String) {
        items(first: $n) { name parts(first: $m) @include(if: $show) { name } }
        other: items { name @skip(if: false) }
      }
      mutation P($records: [ItemInput!]!, $k: Int) { push(records: $records, first: $k) }
    `);
    expect(costVariables(doc, 'Q')).toEqual(['n', 'm', 'show']);
    expect(costVariables(doc, 'P')).toEqual(['k']);
  });

  it('never shares a cost between values that change it', () => {
    const doc = parse(
      'query Q($n: Int, $m: Int, $show: Boolean!) { items(first: $n) { parts(first: $m) @include(if: $show) { name } } }',
    );
    const cost = (variables: Record<string, unknown>) => {
      try {
        checkCost(schema, doc, variables, 'Q', 100);
        return 'ok';
      } catch (err) {
        return (err as { extensions: { cost?: number } }).extensions.cost;
      }
    };
    expect(cost({ n: 10, m: 5, show: true })).toBe('ok');
    expect(cost({ n: 10, m: 50, show: true })).toBe(511);
    expect(cost({ n: 10, m: 50, show: false })).toBe('ok');
    expect(cost({ n: 10, m: 50, show: true })).toBe(511);
  });

  it('gives a push the same cost whatever records it carries, and still refuses variables nested too deep', () => {
    const doc = parse('mutation P($records: [ItemInput!]!) { push(records: $records) }');
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 80; i++) {
      const next: Record<string, unknown> = {};
      at.x = next;
      at = next;
    }
    expect(() => checkCost(schema, doc, { records: [{ name: 'a' }] }, 'P', 1)).not.toThrow();
    expect(() => checkCost(schema, doc, { records: [{ name: 'b', first: 99 }] }, 'P', 1)).not.toThrow();
    expect(() => checkCost(schema, doc, { records: [deep] }, 'P', 1)).toThrow(/nested deeper/);
  });
});
