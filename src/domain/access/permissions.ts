/**
 * The permission vocabulary (003 "Administration"; docs/permissions.md): ACL permissions a member holds on
 * one resource, and functional permissions a member holds everywhere. The vendor's public names are marked;
 * the rest follow its `CONTENT:FUNCTIONAL:<AREA>:<ACTION>` pattern.
 */

/** Resources that carry ACLs. The first two are 003's `resource` values; the media ones are GraphQL's. */
export const ACL_RESOURCES = ['hubs', 'content-repositories', 'media-hubs', 'asset-repositories'] as const;
export type AclResource = (typeof ACL_RESOURCES)[number];

/** What a member may do with one resource. Each is independent: EDIT does not include READ. */
export const ACL_PERMISSIONS = ['READ', 'EDIT', 'MANAGE_ACCESS'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** The entity name errors use for each resource type (003's `Hub - READ`, `ContentRepository - EDIT`). */
export const ACL_ENTITY: Record<AclResource, string> = {
  hubs: 'Hub',
  'content-repositories': 'ContentRepository',
  'media-hubs': 'MediaHub',
  'asset-repositories': 'AssetRepository',
};

const functional = <T extends string>(name: T) => `CONTENT:FUNCTIONAL:${name}` as const;

/** Functional permissions: client-wide, like the vendor's (an API key has them, whatever the hub). */
export const FUNCTIONAL = {
  // The vendor's (003 Administration tables; dc-cli README "Required permissions").
  ADMIN_MANAGE_ACCESS: functional('ADMIN:MANAGE_ACCESS'),
  HUB_MANAGE_ACCESS: functional('HUB:MANAGE_ACCESS'),
  REPOSITORY_MANAGE_ACCESS: functional('REPOSITORY:MANAGE_ACCESS'),
  REPOSITORY_READ: functional('REPOSITORY:READ'),
  REPOSITORY_EDIT: functional('REPOSITORY:EDIT'),
  CONTENT_TYPE_READ: functional('CONTENT_TYPE:READ'),
  CONTENT_TYPE_CREATE: functional('CONTENT_TYPE:CREATE'),
  CONTENT_TYPE_EDIT: functional('CONTENT_TYPE:EDIT'),
  // Decibel's, in the same pattern.
  HUB_EDIT: functional('HUB:EDIT'),
  HUB_MANAGE_MODULES: functional('HUB:MANAGE_MODULES'),
  REPOSITORY_CREATE: functional('REPOSITORY:CREATE'),
  CONTENT_ITEM_READ: functional('CONTENT_ITEM:READ'),
  CONTENT_ITEM_CREATE: functional('CONTENT_ITEM:CREATE'),
  CONTENT_ITEM_EDIT: functional('CONTENT_ITEM:EDIT'),
  CONTENT_ITEM_PUBLISH: functional('CONTENT_ITEM:PUBLISH'),
} as const;
export type FunctionalPermission = (typeof FUNCTIONAL)[keyof typeof FUNCTIONAL];
export const FUNCTIONAL_PERMISSIONS: readonly FunctionalPermission[] = Object.values(FUNCTIONAL);

/** Named bundles for `decibel client create --role`: the ACLs on the hub (and its media hub) and the functional permissions. */
export interface Role {
  acl: AclPermission[];
  functional: FunctionalPermission[];
}

const READS: FunctionalPermission[] = [FUNCTIONAL.REPOSITORY_READ, FUNCTIONAL.CONTENT_TYPE_READ, FUNCTIONAL.CONTENT_ITEM_READ];
const EDITS: FunctionalPermission[] = [...READS, FUNCTIONAL.CONTENT_ITEM_CREATE, FUNCTIONAL.CONTENT_ITEM_EDIT];

export const ROLES: Record<string, Role> = {
  /** Sees everything in the hub, changes nothing. */
  reader: { acl: ['READ'], functional: READS },
  /** Writes content items and folders. */
  author: { acl: ['READ', 'EDIT'], functional: EDITS },
  /** An author who also publishes. */
  publisher: { acl: ['READ', 'EDIT'], functional: [...EDITS, FUNCTIONAL.CONTENT_ITEM_PUBLISH] },
  /** Also content types, schemas, repositories, workflow states and the hub's settings. */
  developer: {
    acl: ['READ', 'EDIT'],
    functional: [
      ...EDITS,
      FUNCTIONAL.CONTENT_ITEM_PUBLISH,
      FUNCTIONAL.CONTENT_TYPE_CREATE,
      FUNCTIONAL.CONTENT_TYPE_EDIT,
      FUNCTIONAL.REPOSITORY_CREATE,
      FUNCTIONAL.REPOSITORY_EDIT,
      FUNCTIONAL.HUB_EDIT,
    ],
  },
  /** Everything, including access management and modules. */
  admin: { acl: [...ACL_PERMISSIONS], functional: [...FUNCTIONAL_PERMISSIONS] },
};

/** The modules of 003 "Manage Modules on Resources", as Decibel names them on the wire. */
export const MODULES = ['search-index', 'content-delivery-2'] as const;
export type ModuleName = (typeof MODULES)[number];

export const isAclPermission = (value: string): value is AclPermission => (ACL_PERMISSIONS as readonly string[]).includes(value);
export const isFunctionalPermission = (value: string): value is FunctionalPermission =>
  (FUNCTIONAL_PERMISSIONS as readonly string[]).includes(value);
