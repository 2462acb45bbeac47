/**
 * What the domain needs from the outside world. `src/store` implements the repositories;
 * the domain never sees SQL.
 */
import type { BlobStore } from '../blobs/blob-store.js';
import type { ResolvedSearch } from './content-items/search.js';
import type { FacetRow } from './content-items/facets.js';
import type { ContentLink, ContentLinkKind } from './content-items/links.js';
import type {
  AssignedContentType,
  Client,
  ContentItem,
  ContentItemAction,
  ContentItemHistoryEntry,
  ContentRepository,
  ContentType,
  ContentTypeSchema,
  Folder,
  Asset,
  AssetFolder,
  AssetRepository,
  AssetStatus,
  Hub,
  LocalizationJob,
  MediaHub,
  PublishingJob,
  PublishingJobState,
  PageRequest,
  Page,
  PersonalAccessToken,
  Status,
  TempUpload,
  WorkflowState,
} from './model.js';

/** Thrown by a repository when a write would break a uniqueness rule; `key` names the rule. */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`duplicate key: ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

export interface HubRepository {
  get(id: string): Promise<Hub | undefined>;
  getByName(name: string): Promise<Hub | undefined>;
  /** A page of hubs; of those in `only` when it is given. */
  list(page: PageRequest, only?: readonly string[]): Promise<Page<Hub>>;
  insert(hub: Hub): Promise<void>;
  update(hub: Hub): Promise<void>;
}

export interface ContentRepositoryRepository {
  get(id: string): Promise<ContentRepository | undefined>;
  getByName(hubId: string, name: string): Promise<ContentRepository | undefined>;
  list(query: { hubId: string; feature?: string }, page: PageRequest): Promise<Page<ContentRepository>>;
  insert(repository: ContentRepository): Promise<void>;
  /** Writes the repository's own fields; assignments are changed with assign/unassign. */
  update(repository: ContentRepository): Promise<void>;
  assign(repositoryId: string, type: AssignedContentType): Promise<void>;
  /** Returns false when the type was not assigned. */
  unassign(repositoryId: string, contentTypeId: string): Promise<boolean>;
}

export interface FolderRepository {
  get(id: string): Promise<Folder | undefined>;
  list(query: { repositoryId: string; parentId: string | null }, page: PageRequest): Promise<Page<Folder>>;
  insert(folder: Folder): Promise<void>;
  update(folder: Folder): Promise<void>;
  delete(id: string): Promise<void>;
  countChildren(id: string): Promise<number>;
}

export interface ContentTypeSchemaRepository {
  get(id: string): Promise<ContentTypeSchema | undefined>;
  getVersion(id: string, version: number): Promise<ContentTypeSchema | undefined>;
  getBySchemaId(hubId: string, schemaId: string): Promise<ContentTypeSchema | undefined>;
  list(query: { hubId: string; status?: Status }, page: PageRequest): Promise<Page<ContentTypeSchema>>;
  listVersions(id: string, page: PageRequest): Promise<Page<ContentTypeSchema>>;
  insert(schema: ContentTypeSchema): Promise<void>;
  /**
   * Writes the current state only if the stored version is still `basedOn` (a conditional update, so two
   * instances can never both win) and, when the version moved on, records it in the history.
   * Returns false when another writer got there first.
   */
  update(schema: ContentTypeSchema, basedOn: number): Promise<boolean>;
}

export interface ContentTypeRepository {
  get(id: string): Promise<ContentType | undefined>;
  getByUri(hubId: string, contentTypeUri: string): Promise<ContentType | undefined>;
  list(query: { hubId: string; status?: Status }, page: PageRequest): Promise<Page<ContentType>>;
  insert(type: ContentType): Promise<void>;
  update(type: ContentType): Promise<void>;
}

export interface WorkflowStateRepository {
  get(id: string): Promise<WorkflowState | undefined>;
  list(query: { hubId: string }, page: PageRequest): Promise<Page<WorkflowState>>;
  insert(state: WorkflowState): Promise<void>;
  update(state: WorkflowState): Promise<void>;
}

export interface ClientRepository {
  get(clientId: string): Promise<Client | undefined>;
  insert(client: Client): Promise<void>;
  update(client: Client): Promise<void>;
}

/** One permission held by a member: an ACL entry on a resource, or (resourceType `functional`, resourceId '') a functional permission. */
export interface Grant {
  sid: string;
  resourceType: string;
  resourceId: string;
  permission: string;
  grantedDate: string;
}

export interface GrantRepository {
  /** A number that changes whenever any grant does (in every process sharing the database). */
  version(): Promise<number>;
  /** Every grant the member holds, functional and ACL. */
  listForSid(sid: string): Promise<Grant[]>;
  /** The ACL grants on one resource, every member's, ordered by sid then permission. */
  listForResource(resourceType: string, resourceId: string): Promise<Grant[]>;
  /** Adds grants; ones already held are left as they are. */
  add(grants: Grant[]): Promise<void>;
  /** Removes the member's named permissions on the resource; ones not held are ignored. */
  remove(sid: string, resourceType: string, resourceId: string, permissions: string[]): Promise<void>;
}

/** Where a resource sits: its hub (or media hub) and, below, its repository; undefined when there is no such resource. */
export interface ResourceScope {
  hubId: string;
  repositoryId?: string;
}

type ScopeLookup = (id: string) => Promise<ResourceScope | undefined>;

/** The scopes of resources below a hub by id, for permission checks (src/domain/access/locate.ts). */
export interface ScopeRepository {
  repository: ScopeLookup;
  folder: ScopeLookup;
  item: ScopeLookup;
  contentType: ScopeLookup;
  schema: ScopeLookup;
  workflowState: ScopeLookup;
  publishingJob: ScopeLookup;
  localizationJob: ScopeLookup;
  assetRepository: ScopeLookup;
  assetFolder: ScopeLookup;
  asset: ScopeLookup;
}

export interface HubModuleRepository {
  /** The modules enabled on the hub, with when. */
  list(hubId: string): Promise<{ module: string; enabledDate: string }[]>;
  /** Enables a module; enabling an enabled one changes nothing. */
  enable(hubId: string, module: string, enabledDate: string): Promise<void>;
}

export interface PatRepository {
  getByHash(tokenHash: string): Promise<PersonalAccessToken | undefined>;
  insert(pat: PersonalAccessToken): Promise<void>;
}

export interface ContentItemQuery {
  repositoryId: string;
  /** Only items directly in this folder. */
  folderId?: string;
  status?: Status;
  /** Leave out items that have a hierarchy parent. */
  excludeHierarchicalChildren?: boolean;
}

export interface ContentItemRepository {
  get(id: string): Promise<ContentItem | undefined>;
  /** The item as it was at `version`. */
  getVersion(id: string, version: number): Promise<ContentItem | undefined>;
  /** Every version, newest first. */
  listVersions(id: string, page: PageRequest): Promise<Page<ContentItem>>;
  /** What was done to the item (or to one version of it), newest first. */
  listHistory(id: string, version: number | undefined, page: PageRequest): Promise<Page<ContentItemHistoryEntry>>;
  list(query: ContentItemQuery, page: PageRequest): Promise<Page<ContentItem>>;
  findByDeliveryKey(hubId: string, deliveryKey: string): Promise<ContentItem | undefined>;
  /**
   * Writes a new item with its first version, history entry and the links its body holds.
   * DuplicateKeyError when the delivery key is taken.
   */
  insert(item: ContentItem, action: ContentItemAction, links: ContentLink[]): Promise<void>;
  /**
   * Writes the item only if its stored version is still `basedOn` (false otherwise, changing nothing),
   * recording the new version when the version moved on, and `action` in the history.
   * DuplicateKeyError when the delivery key is taken.
   */
  update(item: ContentItem, basedOn: number, action: ContentItemAction, links: ContentLink[]): Promise<boolean>;
  /** Joins a locale variant to the item it was made from. */
  addVariant(variantId: string, sourceId: string): Promise<void>;
  /** Links from any of `ids` (`direction: 'from'`) or to any of them (`'to'`), of the given kinds. */
  links(ids: readonly string[], direction: 'from' | 'to', kinds: readonly ContentLinkKind[]): Promise<ContentLink[]>;
  /** An action that makes no new version (publishing). */
  recordHistory(entry: ContentItemHistoryEntry): Promise<void>;
  /** The hub's items matching a search (search.ts), sorted as asked (`relevance` is most recently modified first). */
  search(query: ResolvedSearch, page: PageRequest): Promise<Page<ContentItem>>;
  /** The facts facets count, for every hub item matching a search. */
  facetRows(query: ResolvedSearch): Promise<FacetRow[]>;
  /** The items with these ids, in the order given (ids not found are left out). */
  getMany(ids: readonly string[]): Promise<ContentItem[]>;
  /** How many items sit directly in a folder (a folder with items cannot be deleted). */
  countInFolder(folderId: string): Promise<number>;
  /** Records a publication or an unpublication, which makes no new version and leaves other fields alone. */
  setPublication(
    id: string,
    publication: { lastPublishedVersion: number; lastPublishedDate: string } | { lastUnpublishedDate: string },
  ): Promise<void>;
  /** The latest PUBLISH/UNPUBLISH entry of the item's history at or before `at`. */
  lastPublicationAt(id: string, at: string): Promise<ContentItemHistoryEntry | undefined>;
}

/** Slices of a list in a stable order, for Relay connections. */
export interface Slice<T> {
  items: T[];
  total: number;
}

export interface MediaRepository {
  getHub(id: string): Promise<MediaHub | undefined>;
  getHubByName(name: string): Promise<MediaHub | undefined>;
  /** Media hubs by name; with `only`, just those of these ids (none when it is empty). */
  listHubs(offset: number, limit: number, only?: readonly string[]): Promise<Slice<MediaHub>>;
  insertHub(hub: MediaHub): Promise<void>;
  getRepository(id: string): Promise<AssetRepository | undefined>;
  listRepositories(mediaHubId: string, offset: number, limit: number): Promise<Slice<AssetRepository>>;
  insertRepository(repository: AssetRepository): Promise<void>;
  getFolder(id: string): Promise<AssetFolder | undefined>;
  /** Folders directly under `parentId` (null: the top of the repository), by label. */
  listFolders(repositoryId: string, parentId: string | null, offset: number, limit: number): Promise<Slice<AssetFolder>>;
  insertFolder(folder: AssetFolder): Promise<void>;
  renameFolder(id: string, label: string): Promise<void>;
  deleteFolder(id: string): Promise<void>;
}

/** What assetSearch asks the store for: words (ORed groups of ANDed words, `*` suffix for a prefix), filters and an order. */
export interface AssetQuery {
  /** Undefined: every asset. */
  keyword?: { word: string; prefix: boolean }[][];
  /** Only assets of these media hubs (none when it is empty); undefined: of every media hub. */
  mediaHubIds?: readonly string[];
  repositoryIds?: string[];
  /** null stands for the top of a repository ("no folder"). */
  folderIds?: (string | null)[];
  tags?: string[];
  mimeTypes?: string[];
  statuses: AssetStatus[];
  sort: { field: 'createdDate' | 'updatedDate' | 'label'; direction: 'asc' | 'desc' };
}

export interface AssetStore {
  get(id: string): Promise<Asset | undefined>;
  /** The assets with these ids, in the order given (ids not found left out). */
  getMany(ids: readonly string[]): Promise<Asset[]>;
  search(query: AssetQuery, offset: number, limit: number): Promise<Slice<Asset>>;
  /** The media hub's active asset of that name. */
  getByName(mediaHubId: string, name: string): Promise<Asset | undefined>;
  /** DuplicateKeyError when an active asset of the media hub has the name. */
  insert(asset: Asset): Promise<void>;
  /**
   * Writes the asset only if its stored revision is still `basedOn` (false otherwise: someone else
   * changed it first). DuplicateKeyError when an active asset of the media hub has the name.
   */
  update(asset: Asset, basedOn: number): Promise<boolean>;
  /** Publication state; not a new revision. */
  setPublication(id: string, publication: Pick<Asset, 'publishStatus' | 'publishedBlobKey' | 'publishedDate'>): Promise<void>;
}

export interface TempUploadRepository {
  insert(upload: TempUpload): Promise<void>;
  get(token: string): Promise<TempUpload | undefined>;
  /** Moves the upload from `from` to the changes' status; false when it was not in `from`. */
  transition(token: string, from: TempUpload['status'], changes: Partial<Pick<TempUpload, 'status' | 'size' | 'contentType'>>): Promise<boolean>;
  /** Uploads that expired before `now`, oldest first. */
  listExpired(now: string, limit: number): Promise<TempUpload[]>;
  delete(token: string): Promise<void>;
}

export interface LocalizationJobRepository {
  get(id: string): Promise<LocalizationJob | undefined>;
  listByRoot(rootContentItemId: string, page: PageRequest): Promise<Page<LocalizationJob>>;
  insert(job: LocalizationJob): Promise<void>;
  finish(id: string, outcome: { status: 'COMPLETED' | 'FAILED'; error?: string }, now: string): Promise<void>;
}

export interface PublishingJobRepository {
  get(id: string): Promise<PublishingJob | undefined>;
  insert(job: PublishingJob): Promise<void>;
  /** Moves the job on only if it is still in state `from`; false when it is not (cancelled, or taken on). */
  transition(id: string, from: PublishingJobState, to: Partial<PublishingJob> & { state: PublishingJobState; lastModifiedDate: string }): Promise<boolean>;
}

export interface ServerSecretRepository {
  /**
   * The secret stored under `name`; when there is none yet, stores `candidate` and returns it. Instances
   * starting together all get the value of whichever wrote first.
   */
  getOrCreate(name: string, candidate: string, now: string): Promise<string>;
}

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** A unit of background work (publishing, localization), as the queue holds it. */
export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  /** How many times it was claimed; more than 1 means an instance died while running it. */
  attempts: number;
  error: string | null;
  createdDate: string;
  startedDate: string | null;
  finishedDate: string | null;
}

export interface JobRepository {
  /** Queues a job; inside a transaction, it becomes visible to workers only when that commits. */
  enqueue(job: { id: string; kind: string; payload: unknown; createdDate: string }): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  /**
   * Claims the oldest job of `kinds` that is queued, or running under a lease that ran out (its worker
   * died), for `worker` until `leaseUntil`. Atomic across every instance on the database: a job is
   * handed to one worker at a time.
   */
  claim(kinds: readonly string[], worker: string, now: string, leaseUntil: string): Promise<Job | undefined>;
  /** Records the outcome, only if `worker` still holds the job; false when the lease was lost to another. */
  finish(id: string, worker: string, outcome: { status: 'COMPLETED' | 'FAILED'; error?: string }, now: string): Promise<boolean>;
}

export interface Repositories {
  hubs: HubRepository;
  contentRepositories: ContentRepositoryRepository;
  folders: FolderRepository;
  schemas: ContentTypeSchemaRepository;
  contentTypes: ContentTypeRepository;
  workflowStates: WorkflowStateRepository;
  clients: ClientRepository;
  pats: PatRepository;
  grants: GrantRepository;
  hubModules: HubModuleRepository;
  scopes: ScopeRepository;
  serverSecrets: ServerSecretRepository;
  jobs: JobRepository;
  contentItems: ContentItemRepository;
  publishingJobs: PublishingJobRepository;
  localizationJobs: LocalizationJobRepository;
  media: MediaRepository;
  assets: AssetStore;
  tempUploads: TempUploadRepository;
}

/** The store: repositories plus a unit of work. Everything written inside `transaction` commits or rolls back together. */
export interface Store extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Clock {
  /** Now, as an ISO-8601 UTC string with milliseconds. */
  now(): string;
}

export interface Ids {
  /** A 24-hex-character id, as hubs, repositories, folders, types, schemas and workflow states use. */
  objectId(): string;
  uuid(): string;
}

/** Lets this instance's job runner know, once a transaction that queued jobs has committed. */
export interface JobSignal {
  queued(): void;
}

/** A file being downloaded for createAsset. */
export interface OpenedFile {
  body: import('node:stream').Readable;
  /** What the source said it is, if it said. */
  contentType?: string;
  /** What the source said its length is, if it said. */
  size?: number;
  /** The failure of reading `body`, in words for the caller (a timeout, a dropped connection …). */
  describeFailure(error: unknown): string;
}

/** Where createAsset's `src` URLs are downloaded from (src/sources). */
export interface FileSource {
  open(src: string, signal?: AbortSignal): Promise<OpenedFile>;
  close(): Promise<void>;
}

/** A source that cannot be downloaded, in words for the caller (refused, 404, timed out …). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Ingestion settings (DECIBEL_INGEST_*). */
export interface IngestLimits {
  /** Largest file createAsset or an upload URL takes, in bytes. */
  maxBytes: number;
  /** How long an upload URL of createTempFileUploadUrl can be used, in seconds. */
  uploadTtl: number;
}

/** What every domain operation is given. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  jobs: JobSignal;
  blobs: BlobStore;
  sources: FileSource;
  ingest: IngestLimits;
}

/** Who is acting; recorded in createdBy / lastModifiedBy. */
export interface Actor {
  sid: string;
}
