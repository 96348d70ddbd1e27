import {
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';

/** An operation's root fields as graphql-js collects them, with what collecting their subfields needs. */
export interface CollectedOperation {
  /** Response name → field nodes (fragments spread, @include/@skip applied, equal response names merged). */
  fields: Map<string, readonly FieldNode[]>;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The variables coerced to their declared types. */
  variables: Record<string, unknown>;
}

/**
 * Collects an operation's root fields the way execute() does, for the paths
 * that answer without it (compiled reads and subscriptions). Null when the
 * variables do not coerce: execute() then reports that.
 */
export function collectOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootType: GraphQLObjectType,
  rawVariables: Readonly<Record<string, unknown>> | null | undefined,
): CollectedOperation | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return {
    fields: collectFields(schema, fragments, coerced.coerced, rootType, operation.selectionSet),
    fragments,
    variables: coerced.coerced,
  };
}
