import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { getArgumentValues, OperationTypeNode, type GraphQLSchema } from 'graphql';
import { accessError } from '../auth-checker';
import type { CompiledRoot } from '../common/api-family';
import type { HubContext } from '../context';
import { mayReveal } from '../../src/auth/principal';
import type { PlanInput } from '../../src/read/sql-tree';
import { collectOperation } from '../../src/server/operation';

interface Prepared {
  responseName: string;
  run?: (ctx: HubContext, args: Record<string, unknown>) => Promise<unknown>;
  args: Record<string, unknown>;
}

/**
 * Answers a query operation whose every root field is one of `roots` and whose
 * selection the SQL compiler covers, without running the resolvers (Apollo's
 * `responseForOperation`: after parsing, validation, the limits and the rate
 * limit). Anything else, and any error, returns null and Apollo executes the
 * operation through the resolvers, which then report the error as usual.
 */
export function compiledReadsPlugin(
  schema: GraphQLSchema,
  roots: Readonly<Record<string, CompiledRoot>>,
): ApolloServerPlugin<HubContext> {
  const query = schema.getQueryType()!;
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const op = rc.operation;
          const ctx = rc.contextValue;
          if (!op || op.operation !== OperationTypeNode.QUERY || !rc.document) return null;
          try {
            const collected = collectOperation(schema, rc.document, op, query, rc.request.variables);
            if (!collected) return null;
            const { fragments, variables } = collected;
            const input: PlanInput = { fragments, variables, reveals: (s) => mayReveal(ctx.principal, s.name) };
            const prepared: Prepared[] = [];
            for (const [responseName, nodes] of collected.fields) {
              const name = nodes[0].name.value;
              if (name === '__typename') {
                prepared.push({ responseName, args: {} });
                continue;
              }
              const root = roots[name];
              if (!root || accessError(ctx, root.roles, name)) return null;
              const run = root.prepare(nodes, input);
              if (!run) return null;
              prepared.push({
                responseName,
                run,
                args: getArgumentValues(query.getFields()[name], nodes[0], variables),
              });
            }
            const values = await Promise.all(
              prepared.map((p) => (p.run ? p.run(ctx, p.args) : Promise.resolve(query.name))),
            );
            const data: Record<string, unknown> = {};
            prepared.forEach((p, i) => (data[p.responseName] = values[i]));
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
