/**
 * Table shapes as Kysely sees them (camelCase here, snake_case in the database via CamelCasePlugin).
 * JSON values are stored as text so that both dialects share one set of queries.
 */
import type { Generated } from 'kysely';

interface AuditColumns {
  createdBy: string;
  createdDate: string;
  lastModifiedBy: string;
  lastModifiedDate: string;
}

export interface HubsTable extends AuditColumns {
  id: string;
  name: string;
  label: string;
  description: string;
  status: string;
  settings: string;
}

export interface ContentRepositoriesTable extends AuditColumns {
  id: string;
  hubId: string;
  name: string;
  label: string;
  status: string;
  features: string;
  type: string;
  itemLocales: string;
}

export interface RepositoryContentTypesTable {
  repositoryId: string;
  contentTypeId: string;
  position: Generated<number>;
}

export interface FoldersTable extends AuditColumns {
  id: string;
  hubId: string;
  repositoryId: string;
  parentId: string | null;
  name: string;
}

export interface ContentTypeSchemasTable extends AuditColumns {
  id: string;
  hubId: string;
  schemaId: string;
  body: string;
  validationLevel: string;
  status: string;
  version: number;
}

export interface ContentTypeSchemaVersionsTable {
  id: string;
  version: number;
  body: string;
  validationLevel: string;
  status: string;
  lastModifiedBy: string;
  lastModifiedDate: string;
}

export interface ContentTypesTable extends AuditColumns {
  id: string;
  hubId: string;
  contentTypeUri: string;
  status: string;
  settings: string;
  cachedSchema: string;
}

export interface WorkflowStatesTable extends AuditColumns {
  id: string;
  hubId: string;
  label: string;
  color: string;
}

export interface ClientsTable {
  clientId: string;
  label: string;
  secretHash: string;
  createdDate: string;
}

export interface PersonalAccessTokensTable {
  id: string;
  clientId: string;
  label: string;
  tokenHash: string;
  createdDate: string;
  expiresAt: string | null;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  createdDate: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  claimedBy: string | null;
  leaseUntil: string | null;
  error: string | null;
  createdDate: string;
  startedDate: string | null;
  finishedDate: string | null;
}

export interface ContentItemsTable extends AuditColumns {
  id: string;
  hubId: string;
  contentRepositoryId: string;
  folderId: string | null;
  label: string;
  locale: string | null;
  body: string;
  schema: string;
  deliveryKey: string | null;
  version: number;
  status: string;
  assignees: string;
  assignedDate: string | null;
  workflowState: string | null;
  lastPublishedVersion: number | null;
  lastPublishedDate: string | null;
  lastUnpublishedDate: string | null;
}

export interface ContentItemVersionsTable {
  contentItemId: string;
  version: number;
  /** The whole item as it was at this version, as JSON. */
  item: string;
}

export interface ContentItemHistoryTable {
  id: string;
  contentItemId: string;
  version: number;
  action: string;
  actionedBy: string;
  actionedDate: string;
}

export interface PublishingJobsTable {
  id: string;
  hubId: string;
  contentItemId: string;
  version: number;
  action: string;
  state: string;
  publishErrorStatus: string | null;
  scheduledDate: string;
  createdBy: string;
  createdDate: string;
  lastModifiedDate: string;
}

export interface ContentLinksTable {
  fromId: string;
  toId: string;
  kind: string;
}

export interface LocalizationJobsTable {
  id: string;
  hubId: string;
  rootContentItemId: string;
  rootLabel: string;
  rootLocale: string;
  version: number;
  requestedLocales: string;
  replicateFolderStructure: number;
  status: string;
  error: string | null;
  createdBy: string;
  createdDate: string;
  lastModifiedDate: string;
}

export interface MediaHubsTable {
  id: string;
  name: string;
  label: string;
  createdDate: string;
}

export interface AssetRepositoriesTable {
  id: string;
  mediaHubId: string;
  label: string;
  createdDate: string;
}

export interface AssetFoldersTable {
  id: string;
  repositoryId: string;
  parentId: string | null;
  label: string;
  createdDate: string;
}

export interface AssetsTable {
  id: string;
  mediaHubId: string;
  repositoryId: string;
  folderId: string | null;
  name: string;
  label: string;
  type: string;
  mimeType: string;
  filename: string;
  size: number;
  width: number | null;
  height: number | null;
  tags: string;
  status: string;
  publishStatus: string;
  revisionNumber: number;
  locale: string | null;
  blobKey: string;
  metadata: string;
  createdDate: string;
  updatedDate: string;
  publishedBlobKey: string | null;
  publishedDate: string | null;
}

export interface TempUploadsTable {
  token: string;
  status: string;
  blobKey: string;
  size: number | null;
  contentType: string | null;
  createdDate: string;
  expiresAt: string;
}

export interface GrantsTable {
  sid: string;
  resourceType: string;
  resourceId: string;
  permission: string;
  grantedDate: string;
}

export interface GrantsVersionTable {
  id: number;
  version: number;
}

export interface HubModulesTable {
  hubId: string;
  module: string;
  enabledDate: string;
}

export interface Database {
  grants: GrantsTable;
  grantsVersion: GrantsVersionTable;
  hubModules: HubModulesTable;
  hubs: HubsTable;
  contentRepositories: ContentRepositoriesTable;
  repositoryContentTypes: RepositoryContentTypesTable;
  folders: FoldersTable;
  contentTypeSchemas: ContentTypeSchemasTable;
  contentTypeSchemaVersions: ContentTypeSchemaVersionsTable;
  contentTypes: ContentTypesTable;
  workflowStates: WorkflowStatesTable;
  clients: ClientsTable;
  personalAccessTokens: PersonalAccessTokensTable;
  serverSecrets: ServerSecretsTable;
  jobs: JobsTable;
  contentItems: ContentItemsTable;
  contentItemVersions: ContentItemVersionsTable;
  contentItemHistory: ContentItemHistoryTable;
  publishingJobs: PublishingJobsTable;
  contentLinks: ContentLinksTable;
  localizationJobs: LocalizationJobsTable;
  mediaHubs: MediaHubsTable;
  assetRepositories: AssetRepositoriesTable;
  assetFolders: AssetFoldersTable;
  assets: AssetsTable;
  tempUploads: TempUploadsTable;
}
