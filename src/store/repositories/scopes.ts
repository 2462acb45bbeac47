/**
 * Where a resource sits (hub, repository), read for the permission check before every operation
 * (src/domain/access/locate.ts): only the ids, with queries compiled once, so the check does not read
 * (and parse) a whole content item that the operation reads again.
 */
import type { Kysely } from 'kysely';
import type { ScopeRepository } from '../../domain/ports.js';
import type { Database } from '../schema.js';
import { compiledLookup } from '../compiled.js';

export function scopeRepository(db: Kysely<Database>): ScopeRepository {
  const repository = compiledLookup(db, (q) =>
    q.selectFrom('contentRepositories').select(['hubId', 'id as repositoryId']).where('id', '=', '').compile(),
  );
  const folder = compiledLookup(db, (q) => q.selectFrom('folders').select(['hubId', 'repositoryId']).where('id', '=', '').compile());
  const item = compiledLookup(db, (q) =>
    q.selectFrom('contentItems').select(['hubId', 'contentRepositoryId as repositoryId']).where('id', '=', '').compile(),
  );
  const contentType = compiledLookup(db, (q) => q.selectFrom('contentTypes').select(['hubId']).where('id', '=', '').compile());
  const schema = compiledLookup(db, (q) => q.selectFrom('contentTypeSchemas').select(['hubId']).where('id', '=', '').compile());
  const workflowState = compiledLookup(db, (q) => q.selectFrom('workflowStates').select(['hubId']).where('id', '=', '').compile());
  const publishingJob = compiledLookup(db, (q) =>
    q
      .selectFrom('publishingJobs')
      .leftJoin('contentItems', 'contentItems.id', 'publishingJobs.contentItemId')
      .select(['publishingJobs.hubId as hubId', 'contentItems.contentRepositoryId as repositoryId'])
      .where('publishingJobs.id', '=', '')
      .compile(),
  );
  const localizationJob = compiledLookup(db, (q) => q.selectFrom('localizationJobs').select(['hubId']).where('id', '=', '').compile());
  const assetRepository = compiledLookup(db, (q) =>
    q.selectFrom('assetRepositories').select(['mediaHubId as hubId', 'id as repositoryId']).where('id', '=', '').compile(),
  );
  const assetFolder = compiledLookup(db, (q) =>
    q
      .selectFrom('assetFolders')
      .innerJoin('assetRepositories', 'assetRepositories.id', 'assetFolders.repositoryId')
      .select(['assetRepositories.mediaHubId as hubId', 'assetRepositories.id as repositoryId'])
      .where('assetFolders.id', '=', '')
      .compile(),
  );
  const asset = compiledLookup(db, (q) => q.selectFrom('assets').select(['mediaHubId as hubId', 'repositoryId']).where('id', '=', '').compile());
  return {
    repository: (id) => repository(id),
    folder: (id) => folder(id),
    item: (id) => item(id),
    contentType: (id) => contentType(id),
    schema: (id) => schema(id),
    workflowState: (id) => workflowState(id),
    publishingJob: async (id) => {
      const row = await publishingJob(id);
      return row && { hubId: row.hubId, repositoryId: row.repositoryId ?? undefined };
    },
    localizationJob: (id) => localizationJob(id),
    assetRepository: (id) => assetRepository(id),
    assetFolder: (id) => assetFolder(id),
    asset: (id) => asset(id),
  };
}
