/**
 * The complexity score of a request, by the rules of vendor doc 004 (the same rule as GitHub's node
 * limit): a single node at the root (node, viewer) is 1 point; a connection is `first` (or `last`, or
 * the number of ids it is given) points, multiplied by the sizes of the connections around it; scalars,
 * enums and other objects are 0; each mutation is 2,000; the request's score is the sum. Counted by
 * graphql-query-complexity with one estimator that encodes those rules.
 */
import { getNamedType, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

export const COMPLEXITY_LIMIT = 10_000;
export const MUTATION_COST = 2_000;
export const MAX_MUTATIONS = 5;

export interface CostRules {
  /** Root fields that fetch one node and cost 1 point (`Query.node`). */
  singleNodeFields: ReadonlySet<string>;
  /** What a connection asked for without `first`/`last` counts as: its default page size. */
  defaultConnectionSize: number;
  /** Connections that hold few nodes whatever they are asked (004 counts `mediaHubs` as 1). */
  connectionSizes: Readonly<Record<string, number>>;
}

/** The documented default page size of every connection (docs/graphql.md). */
export const DEFAULT_PAGE_SIZE = 20;

export const AMPLIENCE_RULES: CostRules = {
  singleNodeFields: new Set(['Query.node', 'Query.viewer']),
  defaultConnectionSize: DEFAULT_PAGE_SIZE,
  connectionSizes: { 'Viewer.mediaHubs': 1, 'Asset.metadata': 1 },
};

function estimator(rules: CostRules): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name === 'Mutation') return MUTATION_COST;
    const name = `${type.name}.${field.name}`;
    if (rules.singleNodeFields.has(name)) return 1 + childComplexity;
    if (!getNamedType(field.type).name.endsWith('Connection')) return childComplexity;
    const ids = args.assetId ?? args.id;
    const size = Array.isArray(ids)
      ? ids.length
      : ((args.first as number | undefined) ?? (args.last as number | undefined) ?? rules.connectionSizes[name] ?? rules.defaultConnectionSize);
    return Math.max(size, 0) * (1 + childComplexity);
  };
}

/** The operation a request runs: the named one, or the only one. */
export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** How many mutations the operation makes (its root fields, through fragments on the root). */
export function mutationCount(document: DocumentNode, operationName?: string | null): number {
  const operation = selectedOperation(document, operationName);
  if (operation?.operation !== 'mutation') return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const count = (selections: readonly import('graphql').SelectionNode[]): number =>
    selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet.selections);
      const fragment = fragments.get(selection.name.value);
      return sum + (fragment ? count(fragment.selectionSet.selections) : 0);
    }, 0);
  return count(operation.selectionSet.selections);
}

/** The request's score. The document must already be valid against `schema`. */
export function requestCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  { variables, operationName }: { variables?: Record<string, unknown>; operationName?: string | null } = {},
  rules: CostRules = AMPLIENCE_RULES,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [estimator(rules)],
    maxQueryNodes: Number.MAX_SAFE_INTEGER,
  });
}
