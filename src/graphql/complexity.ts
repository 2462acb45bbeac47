/**
 * The complexity score of a request, by the rules of vendor doc 004 (the same rule as GitHub's node
 * limit): a single node at the root (node, viewer) is 1 point; a connection is `first` (or `last`, or
 * the number of ids it is given) points, multiplied by the sizes of the connections around it; scalars,
 * enums and other objects are 0; each mutation is 2,000; the request's score is the sum. Counted by
 * graphql-query-complexity with one estimator that encodes those rules.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

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

/**
 * What one field costs where it is asked: `own` points of its own, plus `factor` times what its selection
 * costs (a connection multiplies its contents by its size; a mutation's 2,000 covers all it selects). Both
 * the score and the costliest-field breakdown count by this one function.
 */
export function fieldCost(rules: CostRules, { type, field, args }: Pick<ComplexityEstimatorArgs, 'type' | 'field' | 'args'>): { own: number; factor: number } {
  if (type.name === 'Mutation') return { own: MUTATION_COST, factor: 0 };
  const name = `${type.name}.${field.name}`;
  if (rules.singleNodeFields.has(name)) return { own: 1, factor: 1 };
  if (!isConnection(field.type)) return { own: 0, factor: 1 };
  const ids = args.assetId ?? args.id;
  const size = Array.isArray(ids)
    ? ids.length
    : ((args.first as number | undefined) ?? (args.last as number | undefined) ?? rules.connectionSizes[name] ?? rules.defaultConnectionSize);
  return { own: Math.max(size, 0), factor: Math.max(size, 0) };
}

const isConnection = (type: GraphQLType) => getNamedType(type).name.endsWith('Connection');

function estimator(rules: CostRules): ComplexityEstimator {
  return (args) => {
    const { own, factor } = fieldCost(rules, args);
    return own + factor * args.childComplexity;
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
  const count = (selections: readonly SelectionNode[]): number =>
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

/** Where a request spends most: the field that fetches the most nodes, and the points it brings. */
export interface Costliest {
  /** Response names (aliases where given) from the root, without the `edges`/`node` steps of connections. */
  path: string;
  /** What the field and its selection add to the score: what the request saves without it. */
  points: number;
}

/** One field where it is asked: its own and its selection's points, by `fieldCost`. */
interface Part {
  key: string;
  /** False for a connection's `edges`, `nodes`, `pageInfo` and an edge's `node`: they do not name anything. */
  shown: boolean;
  own: number;
  factor: number;
  points: number;
  parts: Part[];
}

interface Walk {
  schema: GraphQLSchema;
  rules: CostRules;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

/**
 * The score again, field by field, to name the costliest field in a refusal. Walks the document as
 * graphql-query-complexity does (fragments, @skip/@include, variables, the costliest possible type of an
 * abstract selection) with the same `fieldCost`, so its total is the score; a refusal is the only caller,
 * so accepted requests never pay for it. The costliest field is the one whose own nodes, times the sizes
 * of the connections around it, are the most (the first in the document on a tie): the biggest term of
 * 004's sum, the `first` to lower. Its points include its selection's.
 */
export function costBreakdown(
  schema: GraphQLSchema,
  document: DocumentNode,
  { variables, operationName }: { variables?: Record<string, unknown>; operationName?: string | null } = {},
  rules: CostRules = AMPLIENCE_RULES,
): { points: number; costliest?: Costliest } {
  const operation = selectedOperation(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { points: 0 };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw coerced.errors[0];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const { points, parts } = selectionCost({ schema, rules, variables: coerced.coerced, fragments }, operation.selectionSet, root, new Set());
  const costliest = costliestPart(parts, 1, []);
  return { points, ...(costliest ? { costliest: { path: costliest.path, points: costliest.points } } : {}) };
}

function selectionCost(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLCompositeType, active: Set<string>): { points: number; parts: Part[] } {
  const { schema } = walk;
  const typeNames = (t: GraphQLCompositeType) => (isAbstractType(t) ? schema.getPossibleTypes(t).map((p) => p.name) : [t.name]);
  // Like graphql-query-complexity: each possible type of the selection is costed apart; the costliest counts.
  const branches = new Map<string, { points: number; parts: Part[] }>();
  const add = (points: number, parts: Part[], names: string[]) => {
    for (const name of names) {
      const branch = branches.get(name) ?? { points: 0, parts: [] };
      branch.points += points;
      branch.parts.push(...parts);
      branches.set(name, branch);
    }
  };
  for (const selection of selectionSet.selections) {
    if (!included(selection, walk.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const field = fieldDefinition(type, selection.name.value);
      if (!field) continue;
      const args = getArgumentValues(field, selection, walk.variables);
      const named = getNamedType(field.type);
      const inner = selection.selectionSet && isCompositeType(named) ? selectionCost(walk, selection.selectionSet, named, active) : { points: 0, parts: [] };
      const { own, factor } = fieldCost(walk.rules, { type, field, args });
      const points = own + factor * inner.points;
      const shown = !/(Connection|Edge)$/.test(type.name);
      add(points, [{ key: selection.alias?.value ?? selection.name.value, shown, own, factor, points, parts: inner.parts }], typeNames(type));
      continue;
    }
    const spread = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment || (spread !== undefined && active.has(spread))) continue;
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
    if (!isCompositeType(condition)) continue;
    if (spread !== undefined) active.add(spread);
    const inner = selectionCost(walk, fragment.selectionSet, condition, active);
    if (spread !== undefined) active.delete(spread);
    add(inner.points, inner.parts, typeNames(condition));
  }
  let costliest = { points: 0, parts: [] as Part[] };
  for (const branch of branches.values()) if (branch.points > costliest.points) costliest = branch;
  return costliest;
}

function fieldDefinition(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function included(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
}

function costliestPart(parts: Part[], multiplier: number, path: string[], best?: Costliest & { nodes: number }): (Costliest & { nodes: number }) | undefined {
  for (const part of parts) {
    const here = part.shown ? [...path, part.key] : path;
    const nodes = multiplier * part.own;
    if (nodes > (best?.nodes ?? 0)) best = { path: here.join('.'), points: multiplier * part.points, nodes };
    best = costliestPart(part.parts, multiplier * part.factor, here, best);
  }
  return best;
}
