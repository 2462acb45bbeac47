import { link } from '../../hal.js';
import type { Route } from '../../context.js';

/**
 * 003 "List Administrative Operations", "Manage Access to Resources" and "Manage Modules on Resources":
 * where the administration operations are, as templated links (any authenticated caller may read them;
 * each operation checks its own permissions).
 */
export const listAdministrativeOperationsRoute: Route = (app) => {
  app.get('/admin', async (request) => ({
    _links: {
      self: link(`${request.base}/admin`),
      access: link(`${request.base}/access`),
      modules: link(`${request.base}/modules`),
    },
  }));
  app.get('/access', async (request) => ({
    resources: ['hubs', 'content-repositories'],
    _links: {
      self: link(`${request.base}/access`),
      hubs: link(`${request.base}/access/hubs/{resourceId}`),
      'content-repositories': link(`${request.base}/access/content-repositories/{resourceId}`),
    },
  }));
  app.get('/modules', async (request) => ({
    _links: {
      self: link(`${request.base}/modules`),
      hubs: link(`${request.base}/modules/hubs/{hubId}`),
    },
  }));
};
