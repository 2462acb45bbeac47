/** The resources of the Management API as the domain sees them (field names as on the wire). */

export type Status = 'ACTIVE' | 'ARCHIVED';
export const STATUSES: readonly Status[] = ['ACTIVE', 'ARCHIVED'];

export interface Audit {
  createdBy: string;
  createdDate: string;
  lastModifiedBy: string;
  lastModifiedDate: string;
}

/** Hub settings: free-form JSON whose known parts are checked by `hubs/settings.ts`. */
export type HubSettings = Record<string, unknown>;

export interface Hub extends Audit {
  id: string;
  name: string;
  label: string;
  description: string;
  status: Status;
  settings: HubSettings;
}

export interface AssignedContentType {
  hubContentTypeId: string;
  contentTypeUri: string;
}

export interface ContentRepository extends Audit {
  id: string;
  hubId: string;
  name: string;
  label: string;
  status: Status;
  features: string[];
  type: 'CONTENT';
  itemLocales: string[];
  contentTypes: AssignedContentType[];
}

export interface Folder extends Audit {
  id: string;
  hubId: string;
  repositoryId: string;
  /** null for a folder at the repository root. */
  parentId: string | null;
  name: string;
}

export type ValidationLevel = 'CONTENT_TYPE' | 'SLOT' | 'PARTIAL';
export const VALIDATION_LEVELS: readonly ValidationLevel[] = ['CONTENT_TYPE', 'SLOT', 'PARTIAL'];

export interface ContentTypeSchema extends Audit {
  id: string;
  hubId: string;
  schemaId: string;
  /** The JSON Schema as text, exactly as it was sent. */
  body: string;
  validationLevel: ValidationLevel;
  status: Status;
  version: number;
}

export interface ContentTypeSettings {
  label?: string;
  icons?: unknown[];
  visualizations?: unknown[];
  cards?: unknown[];
  [key: string]: unknown;
}

export interface ContentType extends Audit {
  id: string;
  hubId: string;
  contentTypeUri: string;
  status: Status;
  settings: ContentTypeSettings;
  /** The schema as it was when the type was registered or last synced. */
  cachedSchema: Record<string, unknown>;
}

export interface WorkflowState extends Audit {
  id: string;
  hubId: string;
  label: string;
  color: string;
}

export type PublishingStatus = 'NONE' | 'EARLY' | 'LATEST' | 'UNPUBLISHED';

/**
 * Where an item stands with delivery, derived so it can never disagree with the dates: never
 * published, unpublished since, its current version published, or an earlier one.
 */
export function publishingStatusOf(item: Pick<ContentItem, 'version' | 'lastPublishedVersion' | 'lastPublishedDate' | 'lastUnpublishedDate'>): PublishingStatus {
  if (item.lastPublishedVersion === null || item.lastPublishedDate === null) return item.lastUnpublishedDate ? 'UNPUBLISHED' : 'NONE';
  if (item.lastUnpublishedDate !== null && item.lastUnpublishedDate >= item.lastPublishedDate) return 'UNPUBLISHED';
  return item.lastPublishedVersion === item.version ? 'LATEST' : 'EARLY';
}

export type PublishingJobState = 'CREATED' | 'CANCELLED' | 'PREPARING' | 'WAITING' | 'PUBLISHING' | 'FAILED' | 'COMPLETED';

/** A request to publish (or unpublish) one version of an item, carried out in the background. */
export interface PublishingJob {
  id: string;
  hubId: string;
  contentItemId: string;
  /** The version to publish: the item's current version when publishing was asked for. */
  version: number;
  action: 'PUBLISH' | 'UNPUBLISH';
  state: PublishingJobState;
  publishErrorStatus: string | null;
  scheduledDate: string;
  createdBy: string;
  createdDate: string;
  lastModifiedDate: string;
}

/** A content item (003 "Content Items"; management-sdk.md §4.3). `deliveryId` on the wire is the id. */
export interface ContentItem extends Audit {
  id: string;
  hubId: string;
  contentRepositoryId: string;
  /** null at the repository root. */
  folderId: string | null;
  label: string;
  locale: string | null;
  /** The content; `_meta.schema` names its content type, `_meta.deliveryKey` mirrors `deliveryKey`. */
  body: Record<string, unknown>;
  /** The content type URI, `body._meta.schema`. */
  schema: string;
  deliveryKey: string | null;
  version: number;
  status: Status;
  assignees: string[];
  assignedDate: string | null;
  /** The workflow state's id, or null when none is assigned. */
  workflowState: string | null;
  lastPublishedVersion: number | null;
  lastPublishedDate: string | null;
  lastUnpublishedDate: string | null;
}

/** What was done to an item, as its history records it. */
export type ContentItemAction =
  | 'CREATE'
  | 'UPDATE'
  | 'ARCHIVE'
  | 'UNARCHIVE'
  | 'RESTORE'
  | 'DELIVERY_KEY'
  | 'SET_LOCALE'
  | 'WORKFLOW'
  | 'PUBLISH'
  | 'UNPUBLISH'
  | 'COPY'
  | 'LOCALIZE';

export interface ContentItemHistoryEntry {
  contentItemId: string;
  /** The version the action made, or acted on (publishing makes no version). */
  version: number;
  action: ContentItemAction;
  actionedBy: string;
  actionedDate: string;
}

export type LocalizationJobStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** A request to make locale variants of an item (002 "Create localizations"), carried out in the background. */
export interface LocalizationJob {
  id: string;
  hubId: string;
  rootContentItem: { id: string; label: string; locale: string };
  version: number;
  requestedLocales: string[];
  replicateFolderStructure: boolean;
  status: LocalizationJobStatus;
  error: string | null;
  createdBy: string;
  createdDate: string;
  lastModifiedDate: string;
}

/** The asset side: a media hub holds asset repositories, which hold folders (and, later, assets). */
export interface MediaHub {
  id: string;
  name: string;
  label: string;
  createdDate: string;
}

export interface AssetRepository {
  id: string;
  mediaHubId: string;
  label: string;
  createdDate: string;
}

export interface AssetFolder {
  id: string;
  repositoryId: string;
  /** null at the top of the repository. */
  parentId: string | null;
  label: string;
  createdDate: string;
}

export const ASSET_TYPES = ['IMAGE', 'VIDEO', 'SET', 'SPIN', 'DOCUMENT', 'OTHER'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export type AssetStatus = 'ACTIVE' | 'DELETED';
export type AssetPublishStatus = 'NOT_PUBLISHED' | 'PUBLISHED' | 'PUBLISH_IN_PROGRESS' | 'UNPUBLISH_IN_PROGRESS';

export interface Asset {
  id: string;
  mediaHubId: string;
  repositoryId: string;
  /** null at the top of the repository. */
  folderId: string | null;
  /** Unique among the media hub's active assets; part of the public URL. */
  name: string;
  label: string;
  type: AssetType;
  mimeType: string;
  filename: string;
  size: number;
  width: number | null;
  height: number | null;
  tags: string[];
  status: AssetStatus;
  publishStatus: AssetPublishStatus;
  revisionNumber: number;
  locale: string | null;
  /** Where the bytes are in the blob store. */
  blobKey: string;
  /** The blob a published asset serves (the file as it was published); null while unpublished. */
  publishedBlobKey: string | null;
  publishedDate: string | null;
  /** Metadata by schema name (`exif`, …). */
  metadata: Record<string, Record<string, unknown>>;
  createdDate: string;
  updatedDate: string;
}

export interface Client {
  clientId: string;
  label: string;
  secretHash: string;
  createdDate: string;
}

export interface PersonalAccessToken {
  id: string;
  /** The client (member) the token acts as. */
  clientId: string;
  label: string;
  tokenHash: string;
  createdDate: string;
  expiresAt: string | null;
}

export interface SortOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface PageRequest {
  /** Zero-based page number. */
  page: number;
  size: number;
  sort: SortOrder[];
}

export interface Page<T> {
  items: T[];
  total: number;
  request: PageRequest;
}

/**
 * An upload URL of createTempFileUploadUrl: WAITING for its PUT, RECEIVING it, UPLOADED, then USED by
 * one asset.
 */
export interface TempUpload {
  token: string;
  status: 'WAITING' | 'RECEIVING' | 'UPLOADED' | 'USED';
  blobKey: string;
  size: number | null;
  contentType: string | null;
  createdDate: string;
  expiresAt: string;
}
