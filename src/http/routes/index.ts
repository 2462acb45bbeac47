/** Every Management API operation, registered under /v2/content. */
import type { Route } from '../context.js';
import { listHubsRoute } from './hubs/list-hubs.js';
import { getHubRoute } from './hubs/get-hub.js';
import { updateHubRoute } from './hubs/update-hub.js';
import { updateHubSettingsRoute } from './hubs/update-hub-settings.js';
import { findRepositoriesByFeatureRoute, listRepositoriesRoute } from './content-repositories/list-repositories.js';
import { createRepositoryRoute } from './content-repositories/create-repository.js';
import { getRepositoryRoute } from './content-repositories/get-repository.js';
import { updateRepositoryRoute } from './content-repositories/update-repository.js';
import { assignContentTypeRoute, unassignContentTypeRoute } from './content-repositories/assign-content-type.js';
import { listRootFoldersRoute, listSubFoldersRoute } from './folders/list-folders.js';
import { createFolderRoute } from './folders/create-folder.js';
import { getFolderRoute } from './folders/get-folder.js';
import { updateFolderRoute } from './folders/update-folder.js';
import { deleteFolderRoute } from './folders/delete-folder.js';
import { listSchemasRoute } from './content-type-schemas/list-schemas.js';
import { createSchemaRoute } from './content-type-schemas/create-schema.js';
import { getSchemaRoute } from './content-type-schemas/get-schema.js';
import { schemaHistoryRoute } from './content-type-schemas/schema-history.js';
import { updateSchemaRoute } from './content-type-schemas/update-schema.js';
import { archiveSchemaRoute } from './content-type-schemas/archive-schema.js';
import { listContentTypesRoute } from './content-types/list-content-types.js';
import { registerContentTypeRoute } from './content-types/register-content-type.js';
import { getContentTypeRoute } from './content-types/get-content-type.js';
import { updateContentTypeRoute } from './content-types/update-content-type.js';
import { archiveContentTypeRoute } from './content-types/archive-content-type.js';
import { cachedSchemaRoute } from './content-types/cached-schema.js';
import { listWorkflowStatesRoute } from './workflow-states/list-workflow-states.js';
import { createWorkflowStateRoute } from './workflow-states/create-workflow-state.js';
import { getWorkflowStateRoute } from './workflow-states/get-workflow-state.js';
import { updateWorkflowStateRoute } from './workflow-states/update-workflow-state.js';
import { createContentItemRoute } from './content-items/create-item.js';
import { listContentItemsRoute } from './content-items/list-items.js';
import { getContentItemRoute } from './content-items/get-item.js';
import { updateContentItemRoute } from './content-items/update-item.js';
import { updateContentItemsRoute } from './content-items/update-items.js';
import { archiveContentItemRoute } from './content-items/archive-item.js';
import { contentItemVersionsRoute } from './content-items/item-versions.js';
import { contentItemHistoryRoute } from './content-items/item-history.js';
import { restoreContentItemRoute } from './content-items/restore-item.js';
import { deliveryKeyRoutes } from './content-items/delivery-key.js';
import { publishContentItemRoute } from './content-items/publish-item.js';
import { plannedContentItemRoute } from './content-items/planned.js';
import { workflowAndLocaleRoutes } from './content-items/workflow-and-locale.js';
import { publishingJobRoutes } from './publishing-jobs/publishing-job.js';
import { searchContentItemsRoute } from './content-items/search-items.js';
import { facetContentItemsRoute } from './content-items/facet-items.js';
import { filterContentItemsRoute } from './content-items/filter-items.js';
import { linkedContentRoutes } from './content-items/linked-items.js';
import { localizationRoutes } from './content-items/localize-item.js';

export const managementRoutes: Route[] = [
  listHubsRoute,
  getHubRoute,
  updateHubRoute,
  updateHubSettingsRoute,
  listRepositoriesRoute,
  findRepositoriesByFeatureRoute,
  createRepositoryRoute,
  getRepositoryRoute,
  updateRepositoryRoute,
  assignContentTypeRoute,
  unassignContentTypeRoute,
  listRootFoldersRoute,
  listSubFoldersRoute,
  createFolderRoute,
  getFolderRoute,
  updateFolderRoute,
  deleteFolderRoute,
  listSchemasRoute,
  createSchemaRoute,
  getSchemaRoute,
  schemaHistoryRoute,
  updateSchemaRoute,
  archiveSchemaRoute,
  listContentTypesRoute,
  registerContentTypeRoute,
  getContentTypeRoute,
  updateContentTypeRoute,
  archiveContentTypeRoute,
  cachedSchemaRoute,
  listWorkflowStatesRoute,
  createWorkflowStateRoute,
  getWorkflowStateRoute,
  updateWorkflowStateRoute,
  createContentItemRoute,
  listContentItemsRoute,
  getContentItemRoute,
  updateContentItemRoute,
  updateContentItemsRoute,
  archiveContentItemRoute,
  contentItemVersionsRoute,
  contentItemHistoryRoute,
  restoreContentItemRoute,
  deliveryKeyRoutes,
  publishContentItemRoute,
  plannedContentItemRoute,
  workflowAndLocaleRoutes,
  publishingJobRoutes,
  searchContentItemsRoute,
  facetContentItemsRoute,
  filterContentItemsRoute,
  linkedContentRoutes,
  localizationRoutes,
];
