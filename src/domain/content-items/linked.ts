/**
 * Following links between items: linked children and parents (content links and references, followed
 * recursively, each item once however the links loop), and hierarchy nodes (`_meta.hierarchy`).
 */
import type { ContentItem } from '../model.js';
import { publishingStatusOf, type PublishingStatus } from '../model.js';
import type { Deps } from '../ports.js';
import { getContentItem } from './items.js';
import type { ContentLinkKind } from './links.js';

const CONTENT_LINKS: ContentLinkKind[] = ['content-link', 'content-reference'];

/** The item and every item reachable from it, breadth first, each once; links to items that do not exist are skipped. */
async function reachable(deps: Deps, rootId: string, direction: 'from' | 'to', kinds: ContentLinkKind[]): Promise<ContentItem[]> {
  const root = await getContentItem(deps, rootId);
  const seen = new Set([root.id]);
  const order = [root.id];
  let frontier = [root.id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const link of await deps.store.contentItems.links(frontier, direction, kinds)) {
      const other = direction === 'from' ? link.toId : link.fromId;
      if (seen.has(other)) continue;
      seen.add(other);
      order.push(other);
      next.push(other);
    }
    frontier = next;
  }
  return deps.store.contentItems.getMany(order);
}

/** `findByIdWithChildren`: the item, then what it links to, recursively. */
export const withLinkedChildren = (deps: Deps, id: string) => reachable(deps, id, 'from', CONTENT_LINKS);
/** `findByIdWithParents`: the item, then the items linking to it, recursively. */
export const withLinkedParents = (deps: Deps, id: string) => reachable(deps, id, 'to', CONTENT_LINKS);

export interface HierarchyNode {
  id: string;
  label: string;
  contentTypeUri: string;
  repositoryId: string;
  root: boolean;
  parentId?: string;
  hasChildren: boolean;
  publishingStatus: PublishingStatus;
}

export function hierarchyOf(item: ContentItem): { parentId?: string; root: boolean } {
  const declared = (item.body._meta as { hierarchy?: { parentId?: unknown; root?: unknown } }).hierarchy;
  const parentId = typeof declared?.parentId === 'string' && declared.parentId !== '' ? declared.parentId : undefined;
  return { ...(parentId ? { parentId } : {}), root: declared?.root === true || parentId === undefined };
}

async function nodes(deps: Deps, items: ContentItem[]): Promise<HierarchyNode[]> {
  const withChildren = new Set((await deps.store.contentItems.links(items.map((i) => i.id), 'to', ['hierarchy'])).map((link) => link.toId));
  return items.map((item) => ({
    id: item.id,
    label: item.label,
    contentTypeUri: item.schema,
    repositoryId: item.contentRepositoryId,
    ...hierarchyOf(item),
    hasChildren: withChildren.has(item.id),
    publishingStatus: publishingStatusOf(item),
  }));
}

/** GET /hierarchy-node/{id}/children: the node and its direct children. */
export async function hierarchyChildren(deps: Deps, id: string): Promise<HierarchyNode & { children: HierarchyNode[] }> {
  const item = await getContentItem(deps, id);
  const childIds = (await deps.store.contentItems.links([id], 'to', ['hierarchy'])).map((link) => link.fromId);
  const children = await nodes(deps, await deps.store.contentItems.getMany(childIds));
  const [node] = await nodes(deps, [item]);
  return { ...node!, children: children.sort((a, b) => a.label.localeCompare(b.label)) };
}

/** GET /hierarchy-node/{id}/parents: the node and its ancestors, the root first. */
export async function hierarchyParents(deps: Deps, id: string): Promise<HierarchyNode & { parents: HierarchyNode[] }> {
  const item = await getContentItem(deps, id);
  const chain: ContentItem[] = [];
  const seen = new Set([item.id]);
  let parentId = hierarchyOf(item).parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const [parent] = await deps.store.contentItems.getMany([parentId]);
    if (!parent) break;
    chain.unshift(parent);
    parentId = hierarchyOf(parent).parentId;
  }
  const [node] = await nodes(deps, [item]);
  return { ...node!, parents: await nodes(deps, chain) };
}


