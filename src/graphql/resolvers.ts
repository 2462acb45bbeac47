/**
 * Resolvers of the GraphQL Asset Management API. Assets, repositories and folders come in the next part
 * of issue 5; until then those fields answer with a NOT_IMPLEMENTED error rather than a silent null.
 */
import { GraphQLError } from 'graphql';

const notYet = (what: string) => () => {
  throw new GraphQLError(`${what} is not implemented in this version of Decibel yet`, { extensions: { code: 'NOT_IMPLEMENTED' } });
};

export const resolvers = {
  Query: {
    node: notYet('node'),
    assets: notYet('assets'),
    assetSearch: notYet('assetSearch'),
    viewer: () => ({}),
  },
  Viewer: {
    mediaHubs: notYet('mediaHubs'),
    organization: () => null,
  },
  Node: {
    resolveType: () => null,
  },
  Mutation: Object.fromEntries(
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
      'createAssetFolder',
      'updateAssetFolder',
      'deleteAssetFolder',
      'createTempFileUploadUrl',
    ].map((name) => [name, notYet(name)]),
  ),
};
