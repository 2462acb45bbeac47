import type { Hub } from '../../domain/model.js';
import { link } from '../hal.js';
import { accessUrl, modulesUrl } from './administration.js';
import { scoped } from '../access.js';
import { hubScope } from '../../domain/access/access.js';

/** A hub with the relations of wire-examples.json HUB that Decibel serves. */
export function hubResource(base: string, hub: Hub) {
  const self = `${base}/hubs/${hub.id}`;
  return scoped({
    id: hub.id,
    name: hub.name,
    label: hub.label,
    description: hub.description,
    status: hub.status,
    settings: hub.settings,
    createdBy: hub.createdBy,
    createdDate: hub.createdDate,
    lastModifiedBy: hub.lastModifiedBy,
    lastModifiedDate: hub.lastModifiedDate,
    _links: {
      self: link(self),
      hub: link(self),
      update: link(self),
      'update-settings': link(`${self}/settings`),
      'content-repositories': link(`${self}/content-repositories{?page,size,sort}`),
      'create-content-repository': link(`${self}/content-repositories`),
      'content-types': link(`${self}/content-types{?page,size,sort,status}`),
      'register-content-type': link(`${self}/content-types`),
      'list-content-type-schemas': link(`${self}/content-type-schemas{?page,size,sort,status}`),
      'create-content-type-schema': link(`${self}/content-type-schemas`),
      'workflow-states': link(`${self}/workflow-states{?page,size,sort}`),
      'create-workflow-state': link(`${self}/workflow-states`),
      'search-content-items': link(`${self}/content-items/find?q={query}{&page,size,sort}`),
      'facet-content-items': link(`${self}/content-items/facet{?page,projection,query,size,sort}`),
      'filter-content-items': link(`${self}/content-items/filter`),
      // The fixture's relation for sharing a hub; here it leads to 003's access operations.
      share: link(accessUrl(base, 'hubs', hub.id)),
      modules: link(modulesUrl(base, hub.id)),
    },
  }, 'hub', hubScope(hub.id));
}
