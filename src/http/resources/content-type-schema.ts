import type { ContentTypeSchema } from '../../domain/model.js';
import { link } from '../hal.js';
import { scoped } from '../access.js';
import { hubScope } from '../../domain/access/access.js';

export function contentTypeSchemaResource(base: string, schema: ContentTypeSchema) {
  const self = `${base}/content-type-schemas/${schema.id}`;
  return scoped({
    id: schema.id,
    schemaId: schema.schemaId,
    body: schema.body,
    validationLevel: schema.validationLevel,
    version: schema.version,
    status: schema.status,
    createdBy: schema.createdBy,
    createdDate: schema.createdDate,
    lastModifiedBy: schema.lastModifiedBy,
    lastModifiedDate: schema.lastModifiedDate,
    _links: {
      self: link(self),
      'content-type-schema': link(self),
      hub: link(`${base}/hubs/${schema.hubId}`),
      history: link(`${self}/history{?page,size}`),
      getByVersion: link(`${self}/{version}`),
      update: link(self),
      archive: link(`${self}/archive`),
      unarchive: link(`${self}/unarchive`),
    },
  }, 'schema', hubScope(schema.hubId));
}
