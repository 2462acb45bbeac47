/**
 * Resolvers of the GraphQL Asset Management API. Media hubs, asset repositories and folders are served;
 * assets, search, ingestion and publishing come in the next part of issue 5 and until then answer with a
 * NOT_IMPLEMENTED error rather than a silent null.
 */
import { GraphQLError } from 'graphql';
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
import { connection, type ConnectionArgs } from './connections.js';
import { fromGlobalId, NO_FOLDER, rawId, toGlobalId } from './ids.js';

interface Context {
  deps: Deps;
  actor: Actor;
}

const notYet = (what: string) => () => {
  throw new GraphQLError(`${what} is not implemented in this version of Decibel yet`, { extensions: { code: 'NOT_IMPLEMENTED' } });
};

const typed =
  <T extends object>(__typename: string) =>
  (value: T) => ({ ...value, __typename });
const asHub = typed<MediaHub>('MediaHub');
const asRepository = typed<AssetRepository>('AssetRepository');
const asFolder = typed<AssetFolder>('AssetFolder');

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
    Asset: notYet('Asset'),
  }[decoded.type];
  return found ? ((await found()) ?? null) : null;
}

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
    assets: notYet('assets'),
    assetSearch: notYet('assetSearch'),
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
    assets: notYet('assets'),
  },
  AssetFolder: {
    id: (folder: AssetFolder) => toGlobalId('AssetFolder', folder.id),
    parent: async (folder: AssetFolder, _: unknown, { deps }: Context) => (folder.parentId ? asFolder(await getAssetFolder(deps, folder.parentId)) : null),
    children: async (folder: AssetFolder, _: unknown, { deps }: Context) =>
      (await listAssetFolders(deps, folder.repositoryId, folder.id, 0, Number.MAX_SAFE_INTEGER)).items.map(asFolder),
    assetRepository: async (folder: AssetFolder, _: unknown, { deps }: Context) => asRepository(await getAssetRepository(deps, folder.repositoryId)),
    assets: notYet('assets'),
  },
  Mutation: {
    ...Object.fromEntries(
      [
        'createAsset',
        'createOrUpdateAssetByName',
        'updateAsset',
        'updateAssets',
        'updateAssetMetadata',
        'deleteAssets',
        'publishAsset',
        'publishAssets',
        'unpublishAssets',
        'createTempFileUploadUrl',
      ].map((name) => [name, notYet(name)]),
    ),
    ...folderMutations,
  },
};
