/**
 * Resolvers of the GraphQL Asset Management API: media hubs, asset repositories, folders and assets
 * (reading, search, ingestion, publishing, changes). They translate arguments and results; the rules
 * are the domain's.
 */
import type { AssetFolder, AssetRepository, MediaHub } from '../domain/model.js';
import type { Actor, Deps } from '../domain/ports.js';
import {
  createAssetFolder,
  deleteAssetFolder,
  getAssetFolder,
  getAssetRepository,
  listAssetFolders,
  listAssetRepositories,
  listMediaHubs,
  renameAssetFolder,
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

interface Context {
  deps: Deps;
  actor: Actor;
  /** What this server's absolute URLs start with (upload and published-asset URLs). */
  origin: string;
  limits: GraphqlLimits;
  /** Media hub names read while answering this request, by id. */
  hubNames?: Map<string, Promise<string | undefined>>;
}

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

/** `node(id:)`: any object by its global id; null when there is none. */
async function node(deps: Deps, globalId: string) {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const found = {
    MediaHub: async () => deps.store.media.getHub(decoded.id).then((hub) => hub && asHub(hub)),
    AssetRepository: async () => deps.store.media.getRepository(decoded.id).then((repository) => repository && asRepository(repository)),
    AssetFolder: async () => deps.store.media.getFolder(decoded.id).then((folder) => folder && asFolder(folder)),
    Asset: async () => deps.store.assets.get(decoded.id).then((asset) => (asset && asset.status === 'ACTIVE' ? asAsset(asset) : undefined)),
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

/** The public URL of a published asset; null while it is not published. */
async function publishedUrl(asset: Asset, context: Context) {
  if (!asset.publishedBlobKey) return null;
  // A page of assets shares one or two media hubs: each is read once per request, not once per asset.
  const hubNames = (context.hubNames ??= new Map());
  let name = hubNames.get(asset.mediaHubId);
  if (!name) hubNames.set(asset.mediaHubId, (name = context.deps.store.media.getHub(asset.mediaHubId).then((hub) => hub?.name)));
  const hubName = await name;
  return hubName ? publishedAssetUrl(context.origin, hubName, asset.name, asset.type) : null;
}

const fileMutations = {
  createAsset: async (_: unknown, args: AssetFileArgs, { deps, origin }: Context) => asAsset(await createAsset(deps, assetFileInput(args, origin))),
  createOrUpdateAssetByName: async (_: unknown, args: AssetFileArgs, { deps, origin }: Context) =>
    asAsset(await createOrUpdateAssetByName(deps, assetFileInput(args, origin))),
  createTempFileUploadUrl: async (_: unknown, __: unknown, { deps, origin }: Context) => {
    const url = uploadUrl(origin, (await createTempUpload(deps)).token);
    return { uploadUrl: url, downloadUrl: url };
  },
  publishAsset: async (_: unknown, { input }: { input: { id: string } }, { deps }: Context) => {
    const [publishJobId] = await queuePublication(deps, assetIds([input.id]), 'PUBLISH');
    return { publishJobId };
  },
  publishAssets: async (_: unknown, { input }: { input: { id: string[] } }, { deps, limits }: Context) => ({
    publishJobIds: await queuePublication(deps, assetIds(input.id), 'PUBLISH', limits.mutationIds),
  }),
  unpublishAssets: async (_: unknown, { input }: { input: { id: string[] } }, { deps, limits }: Context) => ({
    unpublishJobIds: await queuePublication(deps, assetIds(input.id), 'UNPUBLISH', limits.mutationIds),
  }),
};

const folderMutations = {
  createAssetFolder: async (_: unknown, { input }: { input: { assetRepositoryId: string; label: string; parentId?: string | null } }, { deps }: Context) => {
    const parent = input.parentId ? rawId(input.parentId, 'AssetFolder', 'parentId') : null;
    return asFolder(
      await createAssetFolder(deps, {
        repositoryId: rawId(input.assetRepositoryId, 'AssetRepository', 'assetRepositoryId'),
        label: input.label,
        parentId: parent === NO_FOLDER ? null : parent,
      }),
    );
  },
  updateAssetFolder: async (_: unknown, { input }: { input: { id: string; label: string } }, { deps }: Context) =>
    asFolder(await renameAssetFolder(deps, rawId(input.id, 'AssetFolder', 'id'), input.label)),
  deleteAssetFolder: async (_: unknown, { input }: { input: { id: string } }, { deps }: Context) => {
    await deleteAssetFolder(deps, rawId(input.id, 'AssetFolder', 'id'));
    return true;
  },
};

export const resolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, { deps }: Context) => node(deps, id),
    assets: async (_: unknown, args: { assetId?: string[] | null; id?: string[] | null }, { deps, limits }: Context) => {
      const argument = args.assetId ? 'assetId' : 'id';
      const ids = (args.assetId ?? args.id ?? []).map((id) => rawId(id, 'Asset', argument));
      return wholeList(await getAssets(deps, ids, limits.assetIds), asAsset);
    },
    assetSearch: (_: unknown, args: SearchArgs, { deps }: Context) => {
      const input = searchInput(args);
      return typedConnection(args, asAsset, (offset, limit) => searchAssets(deps, input, offset, limit));
    },
    viewer: () => ({}),
  },
  Viewer: {
    mediaHubs: (_: unknown, args: ConnectionArgs, { deps }: Context) => typedConnection(args, asHub, (offset, limit) => listMediaHubs(deps, offset, limit)),
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
    updateAsset: async (_: unknown, { input }: { input: AssetUpdate }, { deps }: Context) => asAsset(await updateAsset(deps, toUpdate(input))),
    updateAssets: async (_: unknown, { input }: { input: { assets: AssetUpdate[] } }, { deps, limits }: Context) => {
      return (await updateAssets(deps, input.assets.map(toUpdate), limits.mutationIds)).map(asAsset);
    },
    updateAssetMetadata: async (_: unknown, { input }: { input: { id: string; schemaName: string; properties: unknown } }, { deps }: Context) =>
      asAsset(await updateAssetMetadata(deps, { ...input, id: rawId(input.id, 'Asset', 'id') })),
    deleteAssets: (_: unknown, { input }: { input: { id: string[] } }, { deps, limits }: Context) => deleteAssets(deps, assetIds(input.id), limits.mutationIds),
  },
};
