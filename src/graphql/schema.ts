/**
 * The GraphQL Asset Management API's schema as Decibel serves it (vendor docs 000 and 004;
 * shared/spec/graphql-dam.md section 1 marks which parts public clients confirm; docs/graphql.md explains
 * each choice). Kept as SDL so that introspection serves exactly what is written here. Global ids are
 * base64("<Type>:<uuid>"), standard alphabet with padding.
 */
export const typeDefs = /* GraphQL */ `
scalar DateTime
scalar JSON

interface Node {
  id: ID!
}

type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

type Query {
  "Any object by its global id. 1 point."
  node(id: ID!): Node
  "Assets by id: global ids or raw UUIDs, at most 1,000. 'assetId' is the vendor docs' name, 'id' the one on its examples page. One point per id."
  assets(assetId: [ID!], id: [ID!]): AssetConnection
  "Assets matching a keyword ('*' for all, 'red*' for prefixes, OR between words), narrowed by filters. Costs first (or last) points."
  assetSearch(
    keyword: String
    first: Int
    after: String
    last: Int
    before: String
    filters: AssetSearchFilters
    sort: AssetSearchSort
  ): AssetSearchConnection
  "What the caller can see. 1 point."
  viewer: Viewer
}

type Viewer {
  mediaHubs(first: Int, after: String, last: Int, before: String): MediaHubConnection
  organization: Organization
}

type Organization implements Node {
  id: ID!
  label: String
}

type MediaHub implements Node {
  id: ID!
  name: String
  label: String
  assetRepositories(first: Int, after: String, last: Int, before: String): AssetRepositoryConnection
}

type AssetRepository implements Node {
  id: ID!
  label: String
  mediaHub: MediaHub
  "Folders at the top of the repository."
  assetFolders(first: Int, after: String, last: Int, before: String): AssetFolderConnection
  assets(first: Int, after: String, last: Int, before: String): AssetConnection
}

type AssetFolder implements Node {
  id: ID!
  label: String
  parent: AssetFolder
  children: [AssetFolder!]
  assetRepository: AssetRepository
  assets(first: Int, after: String, last: Int, before: String): AssetConnection
}

type Asset implements Node {
  id: ID!
  "The raw UUID (the REST API's id; what content items' image links carry)."
  assetId: ID
  name: String
  label: String
  type: AssetType
  mimeType: String
  filename: String
  srcName: String
  size: Int
  width: Int
  height: Int
  tags: [String!]
  status: AssetStatus
  published: Boolean
  publishStatus: AssetPublishStatus
  revisionNumber: Int
  locale: String
  createdDate: DateTime
  updatedDate: DateTime
  "Where the published asset is served; null while unpublished."
  url: String
  thumbUrl: String
  assetFolder: AssetFolder
  assetRepository: AssetRepository
  metadata(schemaName: String): AssetMetadataConnection
}

type AssetMetadata {
  schemaName: String!
  properties: JSON
}

enum AssetType {
  IMAGE
  VIDEO
  SET
  SPIN
  DOCUMENT
  OTHER
}

enum AssetStatus {
  ACTIVE
  DELETED
}

enum AssetPublishStatus {
  NOT_PUBLISHED
  PUBLISHED
  PUBLISH_IN_PROGRESS
  UNPUBLISH_IN_PROGRESS
}

enum SortOrder {
  ASC
  DESC
}

"Ids are raw UUIDs or global ids."
input AssetSearchFilters {
  assetRepositoryId: [String!]
  assetFolderId: [String!]
  tags: [String!]
  mimeType: [String!]
  status: [AssetStatus!]
}

input AssetSearchSort {
  createdDate: SortOrder
  updatedDate: SortOrder
  label: SortOrder
}

type AssetEdge {
  cursor: String!
  node: Asset
}
type AssetConnection {
  edges: [AssetEdge]
  pageInfo: PageInfo!
  total: Int
}
type AssetSearchConnection {
  edges: [AssetEdge]
  pageInfo: PageInfo!
  total: Int
}
type AssetFolderEdge {
  cursor: String!
  node: AssetFolder
}
type AssetFolderConnection {
  edges: [AssetFolderEdge]
  pageInfo: PageInfo!
  total: Int
}
type AssetRepositoryEdge {
  cursor: String!
  node: AssetRepository
}
type AssetRepositoryConnection {
  edges: [AssetRepositoryEdge]
  pageInfo: PageInfo!
  total: Int
}
type MediaHubEdge {
  cursor: String!
  node: MediaHub
}
type MediaHubConnection {
  edges: [MediaHubEdge]
  pageInfo: PageInfo!
  total: Int
}
type AssetMetadataEdge {
  cursor: String!
  node: AssetMetadata
}
type AssetMetadataConnection {
  edges: [AssetMetadataEdge]
  pageInfo: PageInfo
}

"Each mutation costs 2,000 points; at most 5 per request."
type Mutation {
  createAsset(input: CreateAssetInput!): Asset
  createOrUpdateAssetByName(input: CreateUpdateAssetInput!): Asset
  updateAsset(input: UpdateAssetInput!): Asset
  updateAssets(input: UpdateAssetsInput!): [Asset]
  updateAssetMetadata(input: UpdateAssetMetadataInput!): Asset
  "The number of assets deleted (a scalar: clients send it without a selection set). At most 200 ids."
  deleteAssets(input: DeleteAssetsInput!): Int
  publishAsset(input: PublishAssetInput!): PublishAssetPayload
  publishAssets(input: PublishAssetsInput!): PublishAssetsPayload
  unpublishAssets(input: UnpublishAssetsInput!): UnpublishAssetsPayload
  createAssetFolder(input: CreateAssetFolderInput!): AssetFolder
  updateAssetFolder(input: UpdateAssetFolderInput!): AssetFolder
  deleteAssetFolder(input: DeleteAssetFolderInput!): Boolean
  "A URL to PUT a file to (on this server, short-lived, single use), and the URL to pass as src."
  createTempFileUploadUrl: TempFileUploadUrl
}

input CreateAssetInput {
  name: String!
  type: AssetType!
  filename: String!
  src: String!
  assetRepositoryId: ID!
  assetFolderId: ID
  label: String
  tags: [String!]
}
input CreateUpdateAssetInput {
  name: String!
  type: AssetType!
  filename: String!
  src: String!
  assetRepositoryId: ID!
  assetFolderId: ID
  label: String
  tags: [String!]
}
input UpdateAssetInput {
  id: ID!
  name: String
  label: String
  tags: [String!]
  assetFolderId: ID
}
input UpdateAssetsInput {
  assets: [UpdateAssetInput!]!
}
input UpdateAssetMetadataInput {
  id: ID!
  schemaName: String!
  properties: JSON!
}
input DeleteAssetsInput {
  id: [ID!]!
}
input PublishAssetInput {
  id: ID!
}
input PublishAssetsInput {
  id: [ID!]!
}
input UnpublishAssetsInput {
  id: [ID!]!
}
input CreateAssetFolderInput {
  assetRepositoryId: ID!
  label: String!
  parentId: ID
}
input UpdateAssetFolderInput {
  id: ID!
  label: String!
}
input DeleteAssetFolderInput {
  id: ID!
}

type TempFileUploadUrl {
  uploadUrl: String!
  downloadUrl: String!
}
type PublishAssetPayload {
  publishJobId: ID
}
type PublishAssetsPayload {
  publishJobIds: [ID]
}
type UnpublishAssetsPayload {
  unpublishJobIds: [ID]
}
`;
