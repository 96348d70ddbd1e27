import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  getArgumentValues,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
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

/**
 * Set on a context whose compiled statement failed: the resolvers answer it, without the statement running again. An
 * own enumerable property, as Apollo copies each request's context (the lean path hands its context to Apollo).
 */
const FAILED = Symbol('compiled read failed');
type Failed = HubContext & { [FAILED]?: boolean };

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

/** A query document the compiled read path answered once over HTTP, for the lean path (resolvers/app/lean-reads.ts). */
export interface AnsweredDocument {
  /** The request's query text, as Apollo parsed and validated it. */
  source: string;
  /** The request's operationName (null when it named none). */
  operationName: string | null;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/**
 * Answers a query operation whose every root field is one of `roots` and whose
 * selection the SQL compiler covers, without running the resolvers. Anything
 * else, and any error, answers null and the operation runs through the
 * resolvers, which then report the error as usual.
 *
 * The plan (SQL text included) is built once per document, operation, values
 * of the variables its directives read, and shape of the caller's reveal
 * grants, and kept beside the parsed document (which Apollo keeps in its own
 * bounded cache, the lean path in its own); roles and arguments are checked and
 * read per request.
 */
export class CompiledReads {
  private readonly query: GraphQLObjectType;
  private readonly plans = new WeakMap<DocumentNode, { byVariables: boolean; keys: Map<string, Plan[]> }>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly roots: Readonly<Record<string, CompiledRoot>>,
  ) {
    this.query = schema.getQueryType()!;
  }

  private plan(collected: NonNullable<ReturnType<typeof collectOperation>>, principal: Principal): Plan {
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
      const root = this.roots[name];
      const run = root?.prepare(nodes, input);
      if (!root || !run) return { asked, fields: null };
      fields.push({ responseName, name, node: nodes[0], root, run });
    }
    return { asked, fields };
  }

  /**
   * The operation's `data`, or null when the resolvers must answer: the selection is not covered, the variables do not
   * coerce, the caller lacks a role, or the statement failed (then the resolvers answer without it running again).
   */
  async answer(
    document: DocumentNode,
    op: OperationDefinitionNode,
    rawVariables: Readonly<Record<string, unknown>> | null | undefined,
    ctx: HubContext,
  ): Promise<Record<string, unknown> | null> {
    if (op.operation !== OperationTypeNode.QUERY || (ctx as Failed)[FAILED]) return null;
    const query = this.query;
    try {
      const collected = collectOperation(this.schema, document, op, query, rawVariables);
      if (!collected) return null;
      let kept = this.plans.get(document);
      if (!kept) this.plans.set(document, (kept = { byVariables: directivesTakeVariables(document), keys: new Map() }));
      const key = `${op.name?.value ?? ''}\u0000${kept.byVariables ? JSON.stringify(collected.variables) : ''}`;
      const candidates = kept.keys.get(key) ?? [];
      let chosen = candidates.find((p) =>
        [...p.asked].every(([name, shown]) => mayReveal(ctx.principal, name) === shown),
      );
      if (!chosen) {
        chosen = this.plan(collected, ctx.principal);
        if (candidates.length < MAX_PLANS && (kept.keys.has(key) || kept.keys.size < MAX_KEYS))
          kept.keys.set(key, [...candidates, chosen]);
      }
      if (!chosen.fields) return null;
      // Per request: the caller's roles, and the arguments (variables) of each root field.
      for (const f of chosen.fields) if (f.root && accessError(ctx, f.root.roles, f.name)) return null;
      const fields = chosen.fields;
      const values = await Promise.all(
        fields.map((f) =>
          f.run
            ? f.run(ctx, getArgumentValues(query.getFields()[f.name], f.node, collected.variables))
            : Promise.resolve(query.name),
        ),
      );
      const data: Record<string, unknown> = {};
      fields.forEach((f, i) => (data[f.responseName] = values[i]));
      return data;
    } catch (err) {
      (ctx as Failed)[FAILED] = true;
      ctx.log.debug({ err }, 'compiled read fell back to the resolvers');
      return null;
    }
  }
}

/**
 * The compiled read path inside Apollo's pipeline (`responseForOperation`: after parsing, validation, the limits and
 * the rate limit). `answered` hears of each document it answered over HTTP, whose text the lean path then takes.
 */
export function compiledReadsPlugin(
  reads: CompiledReads,
  answered?: (doc: AnsweredDocument) => void,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const op = rc.operation;
          const document = rc.document;
          if (!op || !document) return null;
          const data = await reads.answer(document, op, rc.request.variables, rc.contextValue);
          if (!data) return null;
          if (answered && rc.request.http && rc.source !== undefined)
            answered({ source: rc.source, operationName: rc.request.operationName ?? null, document, operation: op });
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
      };
    },
  };
}
