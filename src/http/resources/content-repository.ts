import type { ContentRepository } from '../../domain/model.js';
import { link } from '../hal.js';
import { accessUrl } from './administration.js';
import { scoped } from '../access.js';
import { repositoryScope } from '../../domain/access/access.js';

export function contentRepositoryResource(base: string, repository: ContentRepository) {
  const self = `${base}/content-repositories/${repository.id}`;
  return scoped({
    id: repository.id,
    name: repository.name,
    label: repository.label,
    status: repository.status,
    features: repository.features,
    type: repository.type,
    contentTypes: repository.contentTypes,
    itemLocales: repository.itemLocales,
    _links: {
      self: link(self),
      'content-repository': link(self),
      update: link(self),
      hub: link(`${base}/hubs/${repository.hubId}`),
      'assign-content-type': link(`${self}/content-types`),
      'unassign-content-type': link(`${self}/content-types/{id}`),
      folders: link(`${self}/folders{?page,size,sort}`),
      'create-folder': link(`${self}/folders`),
      'content-items': link(`${self}/content-items{?folderId,page,projection,size,sort,status,excludeHierarchicalChildren}`),
      'create-content-item': link(`${self}/content-items{?ignoreSchemaValidation}`),
      'update-content-items': link(`${base}/content-items`),
      'search-content-items': link(`${base}/hubs/${repository.hubId}/content-items/find?q={query}{&page,size,sort}`),
      share: link(accessUrl(base, 'content-repositories', repository.id)),
    },
  }, 'repository', repositoryScope(repository.hubId, repository.id));
}
