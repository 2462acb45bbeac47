/**
 * Searching a hub's content items with the syntax of 003 (`search-content-items`, `find?q=`). Words
 * anywhere or in the label go to the store's full-text index; the other fields compare exactly
 * (case-insensitively) with the item's own values.
 */
import { invalid } from '../errors.js';
import type { ContentItem, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { parseSearchQuery, SearchSyntaxError, type SearchTerm } from './search-syntax.js';

/** Fields compared exactly, by the name used in queries → the item's field. */
export const EXACT_SEARCH_FIELDS = {
  id: 'id',
  status: 'status',
  schema: 'schema',
  contentTypeUri: 'schema',
  locale: 'locale',
  contentRepositoryId: 'contentRepositoryId',
  folderId: 'folderId',
  deliveryKey: 'deliveryKey',
  'workflow.state': 'workflowState',
  createdBy: 'createdBy',
  lastModifiedBy: 'lastModifiedBy',
} as const;

export type ExactField = (typeof EXACT_SEARCH_FIELDS)[keyof typeof EXACT_SEARCH_FIELDS];

/** One term, resolved to how the store matches it. */
export type SearchPredicate =
  | { kind: 'text'; column: 'label' | 'text'; value: string; exact: boolean; negated: boolean }
  | { kind: 'field'; field: ExactField; value: string; negated: boolean };

export interface ResolvedSearch {
  hubId: string;
  /** ANDed clauses of ORed predicates. */
  clauses: SearchPredicate[][];
}

export const SEARCH_SORT_FIELDS = ['relevance', 'label', 'createdDate', 'lastModifiedDate'] as const;

function resolve(term: SearchTerm): SearchPredicate {
  if (term.field === undefined || term.field.toLowerCase() === 'text') {
    return { kind: 'text', column: 'text', value: term.value, exact: term.exact, negated: term.negated };
  }
  if (term.field.toLowerCase() === 'label') return { kind: 'text', column: 'label', value: term.value, exact: term.exact, negated: term.negated };
  const field = (EXACT_SEARCH_FIELDS as Record<string, ExactField>)[term.field];
  if (!field) {
    throw invalid({
      entity: 'ContentItem',
      property: 'query',
      invalidValue: term.field,
      message: `cannot search field ${term.field}; searchable fields: text, label, ${Object.keys(EXACT_SEARCH_FIELDS).join(', ')} (quote text holding a colon)`,
    });
  }
  return { kind: 'field', field, value: term.value, negated: term.negated };
}

/** A query string as the store runs it; a malformed query is a 400 that says what is wrong. */
export function resolveSearch(hubId: string, query: unknown): ResolvedSearch {
  if (typeof query !== 'string') throw invalid({ entity: 'ContentItem', property: 'query', message: 'a search query is required' });
  try {
    return { hubId, clauses: parseSearchQuery(query).clauses.map((clause) => clause.map(resolve)) };
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw invalid({ entity: 'ContentItem', property: 'query', invalidValue: query, message: error.message });
    throw error;
  }
}

export async function searchContentItems(deps: Deps, hubId: string, query: unknown, page: PageRequest): Promise<Page<ContentItem>> {
  await getHub(deps, hubId);
  return deps.store.contentItems.search(resolveSearch(hubId, query), page);
}
