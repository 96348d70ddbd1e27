import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  getArgumentValues,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';
import { accessError } from '../auth-checker';
import type { CompiledRoot } from '../common/api-family';
import type { HubContext } from '../context';
import { mayReveal, type Principal } from '../../src/auth/principal';
import type { PlanInput } from '../../src/read/sql-tree';
import { collectOperation } from '../../src/server/operation';

type Run = (ctx: HubContext, args: Record<string, unknown>) => Promise<unknown>;

/** One root field of a planned operation: `__typename`, or a compiled root with its prepared run. */
interface PlannedField {
  responseName: string;
  name: string;
  node: FieldNode;
  root?: CompiledRoot;
  run?: Run;
}

/**
 * A plan of an operation for callers who may see unmasked exactly the masking classes in `asked` that map to true
 * (the classes the compiler asked about); `fields` null when the compiler does not cover the operation.
 */
interface Plan {
  asked: Map<string, boolean>;
  fields: PlannedField[] | null;
}

/** Plans kept per document and key, at most this many keys per document and plans per key (grant shapes). */
const MAX_KEYS = 16;
const MAX_PLANS = 8;

/** Whether a document's directives take variables (@include(if: $v)): then the plan depends on their values. */
function directivesTakeVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      visit(node, {
        Variable() {
          found = true;
        },
      });
    },
  });
  return found;
}

/**
 * Answers a query operation whose every root field is one of `roots` and whose
 * selection the SQL compiler covers, without running the resolvers (Apollo's
 * `responseForOperation`: after parsing, validation, the limits and the rate
 * limit). Anything else, and any error, returns null and Apollo executes the
 * operation through the resolvers, which then report the error as usual.
 *
 * The plan (SQL text included) is built once per document, operation, values
 * of the variables its directives read, and shape of the caller's reveal
 * grants, and kept beside Apollo's parsed document (which Apollo keeps in its
 * own bounded cache); roles and arguments are checked and read per request.
 */
export function compiledReadsPlugin(
  schema: GraphQLSchema,
  roots: Readonly<Record<string, CompiledRoot>>,
): ApolloServerPlugin<HubContext> {
  const query = schema.getQueryType()!;
  const plans = new WeakMap<DocumentNode, { byVariables: boolean; keys: Map<string, Plan[]> }>();

  function plan(
    document: DocumentNode,
    collected: NonNullable<ReturnType<typeof collectOperation>>,
    principal: Principal,
  ): Plan {
    const asked = new Map<string, boolean>();
    const input: PlanInput = {
      fragments: collected.fragments,
      variables: collected.variables,
      reveals: (s) => {
        const shown = mayReveal(principal, s.name);
        asked.set(s.name, shown);
        return shown;
      },
    };
    const fields: PlannedField[] = [];
    for (const [responseName, nodes] of collected.fields) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        fields.push({ responseName, name, node: nodes[0] });
        continue;
      }
      const root = roots[name];
      const run = root?.prepare(nodes, input);
      if (!root || !run) return { asked, fields: null };
      fields.push({ responseName, name, node: nodes[0], root, run });
    }
    return { asked, fields };
  }

  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const op = rc.operation;
          const ctx = rc.contextValue;
          const document = rc.document;
          if (!op || op.operation !== OperationTypeNode.QUERY || !document) return null;
          try {
            const collected = collectOperation(schema, document, op, query, rc.request.variables);
            if (!collected) return null;
            let kept = plans.get(document);
            if (!kept)
              plans.set(document, (kept = { byVariables: directivesTakeVariables(document), keys: new Map() }));
            const key = `${op.name?.value ?? ''}\u0000${kept.byVariables ? JSON.stringify(collected.variables) : ''}`;
            const candidates = kept.keys.get(key) ?? [];
            let chosen = candidates.find((p) =>
              [...p.asked].every(([name, shown]) => mayReveal(ctx.principal, name) === shown),
            );
            if (!chosen) {
              chosen = plan(document, collected, ctx.principal);
              if (candidates.length < MAX_PLANS && (kept.keys.has(key) || kept.keys.size < MAX_KEYS))
                kept.keys.set(key, [...candidates, chosen]);
            }
            if (!chosen.fields) return null;
            // Per request: the caller's roles, and the arguments (variables) of each root field.
            for (const f of chosen.fields) if (f.root && accessError(ctx, f.root.roles, f.name)) return null;
            const values = await Promise.all(
              chosen.fields.map((f) =>
                f.run
                  ? f.run(ctx, getArgumentValues(query.getFields()[f.name], f.node, collected.variables))
                  : Promise.resolve(query.name),
              ),
            );
            const data: Record<string, unknown> = {};
            chosen.fields.forEach((f, i) => (data[f.responseName] = values[i]));
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data } },
            };
          } catch (err) {
            ctx.log.debug({ err }, 'compiled read fell back to the resolvers');
            return null;
          }
        },
      };
    },
  };
}
