/**
 * Resolvers of the GraphQL Asset Management API: media hubs, asset repositories, folders and assets
 * (reading, search, ingestion, publishing, changes). They translate arguments and results; the rules
 * are the domain's.
 *
 * Permissions (./permissions.ts): what the caller cannot see is filtered where the API is entered —
 * viewer.mediaHubs, node, assets and assetSearch — and everything reached from there (a hub's
 * repositories, a repository's folders and assets, an asset's folder) lies in the same media hub, so it is
 * visible too. Mutations check the caller's rights before they call the domain.
 */
import type { AssetFolder, AssetRepository, MediaHub } from '../domain/model.js';
import type { Actor, Deps } from '../domain/ports.js';
import type { Access } from '../domain/access/access.js';
import {
  createAssetFolder,
  deleteAssetFolder,
  getAssetFolder,
  getAssetRepository,
  listAssetFolders,
  listAssetRepositories,
  listMediaHubs,
  renameAssetFolder,
  seesMediaHub,
  visibleMediaHubIds,
} from '../domain/media/media.js';
import {
  deleteAssets,
  getAssets,
  listAssets,
  searchAssets,
  updateAsset,
  updateAssets,
  updateAssetMetadata,
  type SearchInput,
} from '../domain/media/assets.js';
import type { Asset, AssetType } from '../domain/model.js';
import type { GraphqlLimits } from '../config.js';
import { createAsset, createOrUpdateAssetByName, type AssetFileInput } from '../domain/media/ingest-asset.js';
import { queuePublication } from '../domain/media/publish-assets.js';
import { createTempUpload } from '../domain/media/temp-uploads.js';
import { publishedAssetUrl, uploadToken, uploadUrl } from '../http/public-paths.js';
import { connection, type ConnectionArgs } from './connections.js';
import { fromGlobalId, NO_FOLDER, rawId, toGlobalId } from './ids.js';
import { requireAssetFileRights, requireEdit, requireEditOnAssets, requireSomeRepositoryToEdit, requireVisibleFolder } from './permissions.js';

interface Context {
  deps: Deps;
  actor: Actor;
  /** The caller's permissions, read once for the request. */
  access: Access;
  /** What this server's absolute URLs start with (upload and published-asset URLs). */
  origin: () => string;
  limits: GraphqlLimits;
  /** Media hub names read while answering this request, by id. */
  hubNames?: Map<string, Promise<string | undefined>>;
  /** The media hubs whose assets the caller may find (undefined: every one), worked out once per request. */
  visibleHubs?: Promise<string[] | undefined>;
}

const searchableHubs = (context: Context) => (context.visibleHubs ??= visibleMediaHubIds(context.deps, context.access));

const typed =
  <T extends object>(__typename: string) =>
  (value: T) => ({ ...value, __typename });
const asHub = typed<MediaHub>('MediaHub');
const asRepository = typed<AssetRepository>('AssetRepository');
const asFolder = typed<AssetFolder>('AssetFolder');
const asAsset = typed<Asset>('Asset');

/** Every item of a list as one connection page (for arguments that name the items, like ids). */
const wholeList = <T extends object>(items: T[], tag: (value: T) => T & { __typename: string }) =>
  typedConnection({ first: items.length }, tag, async () => ({ items, total: items.length }));

const folderArgument = (value: string) => {
  const id = rawId(value, 'AssetFolder', 'assetFolderId');
  return id === NO_FOLDER ? null : id;
};

interface SearchArgs extends ConnectionArgs {
  keyword?: string | null;
  filters?: { assetRepositoryId?: string[]; assetFolderId?: string[]; tags?: string[]; mimeType?: string[]; status?: ('ACTIVE' | 'DELETED')[] } | null;
  sort?: { createdDate?: 'ASC' | 'DESC'; updatedDate?: 'ASC' | 'DESC'; label?: 'ASC' | 'DESC' } | null;
}

function searchInput({ keyword, filters, sort }: SearchArgs): SearchInput {
  // The first order given wins (the input has one field per order).
  const [field, direction] = (Object.entries(sort ?? {}).find(([, value]) => value) ?? []) as [NonNullable<SearchInput['sort']>['field']?, string?];
  return {
    keyword,
    repositoryIds: filters?.assetRepositoryId?.map((id) => rawId(id, 'AssetRepository', 'assetRepositoryId')),
    folderIds: filters?.assetFolderId?.map(folderArgument),
    tags: filters?.tags,
    mimeTypes: filters?.mimeType,
    statuses: filters?.status,
    ...(field ? { sort: { field, direction: direction === 'ASC' ? 'asc' : 'desc' } } : {}),
  };
}

type AssetUpdate = { id: string; name?: string; label?: string; tags?: string[]; assetFolderId?: string | null };
const toUpdate = (input: AssetUpdate) => ({
  id: rawId(input.id, 'Asset', 'id'),
  name: input.name,
  label: input.label,
  tags: input.tags,
  ...(input.assetFolderId === undefined ? {} : { folderId: input.assetFolderId === null ? null : folderArgument(input.assetFolderId) }),
});

/** A connection whose nodes are tagged with their GraphQL type (for `node` and fragments). */
async function typedConnection<T extends object>(
  args: ConnectionArgs,
  tag: (value: T) => T & { __typename: string },
  fetch: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
) {
  const page = await connection(args, fetch);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: tag(edge.node) })) };
}

/** `node(id:)`: any object by its global id; null when there is none, or the caller cannot see it. */
async function node({ deps, access }: Context, globalId: string) {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const sees = (mediaHubId: string) => seesMediaHub(access, mediaHubId);
  const found = {
    MediaHub: async () => (sees(decoded.id) ? deps.store.media.getHub(decoded.id).then((hub) => hub && asHub(hub)) : undefined),
    AssetRepository: async () => {
      const repository = await deps.store.media.getRepository(decoded.id);
      return repository && sees(repository.mediaHubId) ? asRepository(repository) : undefined;
    },
    AssetFolder: async () => {
      const folder = await deps.store.media.getFolder(decoded.id);
      const repository = folder && (await deps.store.media.getRepository(folder.repositoryId));
      return folder && repository && sees(repository.mediaHubId) ? asFolder(folder) : undefined;
    },
    Asset: async () => {
      const asset = await deps.store.assets.get(decoded.id);
      return asset && asset.status === 'ACTIVE' && sees(asset.mediaHubId) ? asAsset(asset) : undefined;
    },
  }[decoded.type];
  return found ? ((await found()) ?? null) : null;
}

interface AssetFileArgs {
  input: { name: string; type: AssetType; filename: string; src: string; assetRepositoryId: string; assetFolderId?: string | null; label?: string | null; tags?: string[] | null };
}

/** createAsset's input; a `src` that is one of this server's upload URLs is read from the upload. */
function assetFileInput({ input }: AssetFileArgs, origin: string): AssetFileInput {
  const token = uploadToken(input.src, origin);
  return {
    name: input.name,
    type: input.type,
    filename: input.filename,
    source: token ? { uploadToken: token } : { url: input.src },
    repositoryId: rawId(input.assetRepositoryId, 'AssetRepository', 'assetRepositoryId'),
    ...(input.assetFolderId === undefined ? {} : { folderId: input.assetFolderId === null ? null : folderArgument(input.assetFolderId) }),
    label: input.label,
    tags: input.tags,
  };
}

const assetIds = (ids: string[]) => ids.map((id) => rawId(id, 'Asset', 'id'));

/** updateAsset(s): EDIT on every asset's repository, and any folder named one the caller sees. */
async function requireUpdateRights(deps: Deps, access: Access, updates: ReturnType<typeof toUpdate>[], max: number) {
  await requireEditOnAssets(deps, access, updates.map((update) => update.id), max);
  if (updates.length > max) return;
  for (const update of updates) await requireVisibleFolder(deps, access, update.folderId);
}

/** The public URL of a published asset; null while it is not published. */
async function publishedUrl(asset: Asset, context: Context) {
  if (!asset.publishedBlobKey) return null;
  // A page of assets shares one or two media hubs: each is read once per request, not once per asset.
  const hubNames = (context.hubNames ??= new Map());
  let name = hubNames.get(asset.mediaHubId);
  if (!name) hubNames.set(asset.mediaHubId, (name = context.deps.store.media.getHub(asset.mediaHubId).then((hub) => hub?.name)));
  const hubName = await name;
  return hubName ? publishedAssetUrl(context.origin(), hubName, asset.name, asset.type) : null;
}

const fileMutations = {
  createAsset: async (_: unknown, args: AssetFileArgs, { deps, access, origin }: Context) => {
    const input = assetFileInput(args, origin());
    await requireAssetFileRights(deps, access, input, false);
    return asAsset(await createAsset(deps, input));
  },
  createOrUpdateAssetByName: async (_: unknown, args: AssetFileArgs, { deps, access, origin }: Context) => {
    const input = assetFileInput(args, origin());
    await requireAssetFileRights(deps, access, input, true);
    return asAsset(await createOrUpdateAssetByName(deps, input));
  },
  createTempFileUploadUrl: async (_: unknown, __: unknown, { deps, access, origin }: Context) => {
    await requireSomeRepositoryToEdit(deps, access);
    const url = uploadUrl(origin(), (await createTempUpload(deps)).token);
    return { uploadUrl: url, downloadUrl: url };
  },
  publishAsset: async (_: unknown, { input }: { input: { id: string } }, { deps, access }: Context) => {
    const ids = assetIds([input.id]);
    await requireEditOnAssets(deps, access, ids, 1);
    const [publishJobId] = await queuePublication(deps, ids, 'PUBLISH');
    return { publishJobId };
  },
  publishAssets: async (_: unknown, { input }: { input: { id: string[] } }, { deps, access, limits }: Context) => {
    const ids = assetIds(input.id);
    await requireEditOnAssets(deps, access, ids, limits.mutationIds);
    return { publishJobIds: await queuePublication(deps, ids, 'PUBLISH', limits.mutationIds) };
  },
  unpublishAssets: async (_: unknown, { input }: { input: { id: string[] } }, { deps, access, limits }: Context) => {
    const ids = assetIds(input.id);
    await requireEditOnAssets(deps, access, ids, limits.mutationIds);
    return { unpublishJobIds: await queuePublication(deps, ids, 'UNPUBLISH', limits.mutationIds) };
  },
};

const folderMutations = {
  createAssetFolder: async (
    _: unknown,
    { input }: { input: { assetRepositoryId: string; label: string; parentId?: string | null } },
    { deps, access }: Context,
  ) => {
    const parent = input.parentId ? rawId(input.parentId, 'AssetFolder', 'parentId') : null;
    const repositoryId = rawId(input.assetRepositoryId, 'AssetRepository', 'assetRepositoryId');
    await requireEdit(deps, access, 'asset-repository', repositoryId);
    return asFolder(await createAssetFolder(deps, { repositoryId, label: input.label, parentId: parent === NO_FOLDER ? null : parent }));
  },
  updateAssetFolder: async (_: unknown, { input }: { input: { id: string; label: string } }, { deps, access }: Context) => {
    const id = rawId(input.id, 'AssetFolder', 'id');
    await requireEdit(deps, access, 'asset-folder', id);
    return asFolder(await renameAssetFolder(deps, id, input.label));
  },
  deleteAssetFolder: async (_: unknown, { input }: { input: { id: string } }, { deps, access }: Context) => {
    const id = rawId(input.id, 'AssetFolder', 'id');
    await requireEdit(deps, access, 'asset-folder', id);
    await deleteAssetFolder(deps, id);
    return true;
  },
};

export const resolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, context: Context) => node(context, id),
    assets: async (_: unknown, args: { assetId?: string[] | null; id?: string[] | null }, context: Context) => {
      const argument = args.assetId ? 'assetId' : 'id';
      const ids = (args.assetId ?? args.id ?? []).map((id) => rawId(id, 'Asset', argument));
      return wholeList(await getAssets(context.deps, ids, context.limits.assetIds, context.access.visible('media-hubs')), asAsset);
    },
    assetSearch: async (_: unknown, args: SearchArgs, context: Context) => {
      const input = { ...searchInput(args), mediaHubIds: await searchableHubs(context) };
      return typedConnection(args, asAsset, (offset, limit) => searchAssets(context.deps, input, offset, limit));
    },
    viewer: () => ({}),
  },
  Viewer: {
    mediaHubs: (_: unknown, args: ConnectionArgs, { deps, access }: Context) =>
      typedConnection(args, asHub, (offset, limit) => listMediaHubs(deps, access, offset, limit)),
    organization: () => null,
  },
  Node: {
    resolveType: (value: { __typename: string }) => value.__typename,
  },
  MediaHub: {
    id: (hub: MediaHub) => toGlobalId('MediaHub', hub.id),
    assetRepositories: (hub: MediaHub, args: ConnectionArgs, { deps }: Context) =>
      typedConnection(args, asRepository, (offset, limit) => listAssetRepositories(deps, hub.id, offset, limit)),
  },
  AssetRepository: {
    id: (repository: AssetRepository) => toGlobalId('AssetRepository', repository.id),
    mediaHub: (repository: AssetRepository, _: unknown, { deps }: Context) => deps.store.media.getHub(repository.mediaHubId).then((hub) => hub && asHub(hub)),
    assetFolders: (repository: AssetRepository, args: ConnectionArgs, { deps }: Context) =>
      typedConnection(args, asFolder, (offset, limit) => listAssetFolders(deps, repository.id, null, offset, limit)),
    // All the repository's assets, in any folder, newest first.
    assets: (repository: AssetRepository, args: ConnectionArgs, { deps }: Context) =>
      typedConnection(args, asAsset, (offset, limit) => searchAssets(deps, { repositoryIds: [repository.id] }, offset, limit)),
  },
  AssetFolder: {
    id: (folder: AssetFolder) => toGlobalId('AssetFolder', folder.id),
    parent: async (folder: AssetFolder, _: unknown, { deps }: Context) => (folder.parentId ? asFolder(await getAssetFolder(deps, folder.parentId)) : null),
    children: async (folder: AssetFolder, _: unknown, { deps }: Context) =>
      (await listAssetFolders(deps, folder.repositoryId, folder.id, 0, Number.MAX_SAFE_INTEGER)).items.map(asFolder),
    assetRepository: async (folder: AssetFolder, _: unknown, { deps }: Context) => asRepository(await getAssetRepository(deps, folder.repositoryId)),
    assets: (folder: AssetFolder, args: ConnectionArgs, { deps }: Context) =>
      typedConnection(args, asAsset, (offset, limit) => listAssets(deps, folder.repositoryId, folder.id, offset, limit)),
  },
  Asset: {
    id: (asset: Asset) => toGlobalId('Asset', asset.id),
    assetId: (asset: Asset) => asset.id,
    srcName: (asset: Asset) => asset.filename,
    published: (asset: Asset) => asset.publishStatus === 'PUBLISHED',
    url: (asset: Asset, _: unknown, context: Context) => publishedUrl(asset, context),
    // No thumbnail service: a published image is its own thumbnail.
    thumbUrl: (asset: Asset, _: unknown, context: Context) => (asset.type === 'IMAGE' ? publishedUrl(asset, context) : null),
    assetFolder: async (asset: Asset, _: unknown, { deps }: Context) => (asset.folderId ? asFolder(await getAssetFolder(deps, asset.folderId)) : null),
    assetRepository: async (asset: Asset, _: unknown, { deps }: Context) => asRepository(await getAssetRepository(deps, asset.repositoryId)),
    metadata: (asset: Asset, { schemaName }: { schemaName?: string | null }) => {
      const entries = Object.entries(asset.metadata).filter(([name]) => !schemaName || name === schemaName);
      const nodes = entries.map(([name, properties]) => ({ schemaName: name, properties }));
      return connection({ first: nodes.length }, async () => ({ items: nodes, total: nodes.length }));
    },
  },
  Mutation: {
    ...fileMutations,
    ...folderMutations,
    updateAsset: async (_: unknown, { input }: { input: AssetUpdate }, { deps, access }: Context) => {
      const update = toUpdate(input);
      await requireUpdateRights(deps, access, [update], 1);
      return asAsset(await updateAsset(deps, update));
    },
    updateAssets: async (_: unknown, { input }: { input: { assets: AssetUpdate[] } }, { deps, access, limits }: Context) => {
      const updates = input.assets.map(toUpdate);
      await requireUpdateRights(deps, access, updates, limits.mutationIds);
      return (await updateAssets(deps, updates, limits.mutationIds)).map(asAsset);
    },
    updateAssetMetadata: async (_: unknown, { input }: { input: { id: string; schemaName: string; properties: unknown } }, { deps, access }: Context) => {
      const id = rawId(input.id, 'Asset', 'id');
      await requireEditOnAssets(deps, access, [id], 1);
      return asAsset(await updateAssetMetadata(deps, { ...input, id }));
    },
    // Assets the caller cannot see are skipped, as ids of no asset are.
    deleteAssets: async (_: unknown, { input }: { input: { id: string[] } }, { deps, access, limits }: Context) =>
      deleteAssets(deps, await requireEditOnAssets(deps, access, assetIds(input.id), limits.mutationIds, 'skip'), limits.mutationIds),
  },
};
