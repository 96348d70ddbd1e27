import { createHash } from 'node:crypto';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  isListType,
  getNamedType,
  isNonNullType,
  getOperationAST,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode, HubError } from '../common/errors';
import { DEFAULT_PAGE } from '../common/pagination';
import { nestingExceeds } from '../common/storable';

/** The bounds on one GraphQL operation; the same for HTTP and graphql-ws. */
export interface OperationLimits {
  /** HUB_MAX_DEPTH: nesting of selections. */
  depth: number;
  /** HUB_MAX_ALIASES */
  aliases: number;
  /** HUB_MAX_DIRECTIVES */
  directives: number;
  /** HUB_MAX_ROOT_FIELDS: top-level fields in one operation. */
  rootFields: number;
  /** HUB_MAX_COST: estimated fields to resolve, list fields weighted by their page size. */
  cost: number;
}

function limitError(message: string, limit: string): GraphQLError {
  // `limitExceeded` survives Apollo's re-coding of validation errors; formatError turns it into LIMIT_EXCEEDED.
  return new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED, limitExceeded: limit } });
}

function rejectAs(limit: string) {
  return {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(limitError(err.message, limit))],
  };
}

/** At most `max` fields at the root of each operation (fragments on the root counted too). */
function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(op) {
      let count = 0;
      const seen = new Set<string>();
      const visit = (selections: readonly import('graphql').SelectionNode[]) => {
        for (const s of selections) {
          if (s.kind === Kind.FIELD) {
            if (!s.name.value.startsWith('__')) count += 1;
          } else if (s.kind === Kind.INLINE_FRAGMENT) {
            visit(s.selectionSet.selections);
          } else if (!seen.has(s.name.value)) {
            seen.add(s.name.value);
            const frag = context.getFragment(s.name.value);
            if (frag) visit(frag.selectionSet.selections);
          }
        }
      };
      visit(op.selectionSet.selections);
      if (count > max)
        context.reportError(
          limitError(`an operation may select at most ${max} root fields; this one selects ${count}`, 'rootFields'),
        );
    },
  });
}

/** The validation rules that bound an operation's shape (the cost needs variables and is checked after). */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: true, flattenFragments: true, ...rejectAs('depth') }),
    maxAliasesRule({ n: limits.aliases, ...rejectAs('aliases') }),
    maxDirectivesRule({ n: limits.directives, ...rejectAs('directives') }),
    maxRootFieldsRule(limits.rootFields),
  ];
}

/**
 * A list field costs its children times the page it asks for: `first` (or
 * `last`) when given, the default page size for connections without it; a
 * plain list of a paged parent (edges) costs its children once.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.find((a) => a.name === 'first' || a.name === 'last');
  if (paged) {
    const n = typeof args[paged.name] === 'number' ? (args[paged.name] as number) : DEFAULT_PAGE;
    return 1 + childComplexity * Math.max(n, 1);
  }
  let t = field.type;
  if (isNonNullType(t)) t = t.ofType;
  if (isListType(t) && getNamedType(t) && field.args.length === 0) return 1 + childComplexity;
  return undefined;
};

/**
 * Costs already estimated, per document, by operation name and the values of the variables the cost depends on (a
 * bounded number per document).
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_KNOWN_COSTS = 1000;

/**
 * The variables of an operation that can change its estimated cost: those
 * given to a `first` or `last` argument (pageEstimator reads them) and those
 * given to a directive (`@include(if: $x)` and `@skip` drop a selection from
 * the estimate). Every other variable (a push's list of records) leaves the
 * cost as it is, so it stays out of the memo's key: hashing and coercing a
 * push's records on every request was a twentieth of a push's CPU.
 */
const costVariablesOf = new WeakMap<DocumentNode, Map<string, readonly string[]>>();

/** The names of the variables {@link checkCost}'s memo is keyed by, for an operation of the document. */
export function costVariables(document: DocumentNode, operationName: string | undefined | null): readonly string[] {
  let byOperation = costVariablesOf.get(document);
  if (!byOperation) costVariablesOf.set(document, (byOperation = new Map<string, readonly string[]>()));
  const known = byOperation.get(operationName ?? '');
  if (known) return known;
  const names = new Set<string>();
  // Counted once, whatever the operation: fragments are shared, and a variable used where it costs in any of
  // them is keyed (a superset is safe; it only makes the memo miss more often).
  let costing = 0;
  visit(document, {
    Argument: {
      enter(node) {
        if (node.name.value === 'first' || node.name.value === 'last') costing += 1;
      },
      leave(node) {
        if (node.name.value === 'first' || node.name.value === 'last') costing -= 1;
      },
    },
    Directive: {
      enter() {
        costing += 1;
      },
      leave() {
        costing -= 1;
      },
    },
    Variable(node) {
      if (costing > 0) names.add(node.name.value);
    },
  });
  const op = getOperationAST(document, operationName ?? undefined);
  // Directives on variable definitions or the operation itself are inside the walk too; declared order for the key.
  const list = (op?.variableDefinitions ?? []).map((d) => d.variable.name.value).filter((n) => names.has(n));
  if (byOperation.size < MAX_KNOWN_COSTS) byOperation.set(operationName ?? '', list);
  return list;
}

function costKey(
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
): string {
  const declared = costVariables(document, operationName).map((name) => [name, variables?.[name] ?? null]);
  return createHash('sha256')
    .update(JSON.stringify([operationName ?? null, declared]))
    .digest('base64url');
}

/**
 * Deepest nesting of an operation's variables: a pushed record (2 levels in
 * its list) with `details` at the JSONObject bound of 32 levels fits with
 * room to spare. Deeper variables are refused before anything recursive
 * (hashing them for the cost memo, coercion, logging) touches them: 5,000
 * levels would overflow the stack there and end as an internal error.
 */
export const MAX_VARIABLE_DEPTH = 64;

/** Throws LIMIT_EXCEEDED (HTTP 400) when the variables nest deeper than {@link MAX_VARIABLE_DEPTH}. */
export function checkVariableDepth(variables: Record<string, unknown> | null | undefined): void {
  if (variables && nestingExceeds(variables, MAX_VARIABLE_DEPTH + 1)) {
    throw new HubError(ErrorCode.LIMIT_EXCEEDED, `the variables are nested deeper than ${MAX_VARIABLE_DEPTH} levels`, {
      field: 'variables',
      details: { limit: MAX_VARIABLE_DEPTH },
      httpStatus: 400,
    });
  }
}

/**
 * Throws LIMIT_EXCEEDED when the operation's variables nest too deep (see
 * checkVariableDepth) or its estimated cost is over the limit.
 */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limit: number,
): void {
  checkVariableDepth(variables);
  // Apollo keeps one parsed document per query text, so the cost of a (document, operation, values of the
  // variables that can change it) is computed once.
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map<string, number>()));
  // Keyed by a hash of the operation's own cost-changing variables only: undeclared ones (ignored by graphql-js) and
  // a push's records cannot grow the memo.
  const key = costKey(document, operationName, variables);
  let cost = costs.get(key);
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        operationName: operationName ?? undefined,
        estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      return; // invalid variables or operation name: graphql-js reports that itself
    }
    if (costs.size >= MAX_KNOWN_COSTS) costs.clear();
    costs.set(key, cost);
  }
  if (cost > limit) {
    throw new HubError(
      ErrorCode.LIMIT_EXCEEDED,
      `the operation's estimated cost ${cost} is over the limit of ${limit}; ask for smaller pages or fewer fields`,
      {
        details: { limit, cost },
        httpStatus: 400,
      },
    );
  }
}
