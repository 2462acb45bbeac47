import type { HierarchyNode } from '../../domain/content-items/linked.js';
import { link } from '../hal.js';

/** A hierarchy node (wire-examples.json HIERARCHY_NODE). */
export function hierarchyNodeResource(base: string, node: HierarchyNode) {
  const item = `${base}/content-items/${node.id}`;
  return {
    ...node,
    _links: {
      'content-item': link(item),
      archive: link(`${item}/archive`),
      'get-hierarchy-parents': link(`${base}/hierarchy-node/${node.id}/parents`),
      'get-hierarchy-children': link(`${base}/hierarchy-node/${node.id}/children`),
    },
  };
}
