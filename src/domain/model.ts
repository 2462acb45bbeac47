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
