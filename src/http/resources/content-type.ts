import type { ContentType } from '../../domain/model.js';
import { link, type Links } from '../hal.js';
import { scoped } from '../access.js';
import { hubScope } from '../../domain/access/access.js';

/** An archived type offers only `unarchive` among its actions, as the vendor's ARCHIVED_CONTENT_TYPE does. */
export function contentTypeResource(base: string, type: ContentType) {
  const self = `${base}/content-types/${type.id}`;
  const links: Links = { self: link(self), 'content-type': link(self), 'content-type-schema': link(`${self}/schema`) };
  if (type.status === 'ACTIVE') {
    links.update = link(self);
    links.archive = link(`${self}/archive`);
  }
  links.unarchive = link(`${self}/unarchive`);
  return scoped({
    id: type.id,
    contentTypeUri: type.contentTypeUri,
    status: type.status,
    settings: type.settings,
    _links: links,
  }, 'content-type', hubScope(type.hubId));
}

export function cachedSchemaResource(base: string, type: ContentType) {
  return {
    hubId: type.hubId,
    contentTypeUri: type.contentTypeUri,
    cachedSchema: type.cachedSchema,
    _links: { self: link(`${base}/content-types/${type.id}/schema`), 'content-type': link(`${base}/content-types/${type.id}`) },
  };
}
