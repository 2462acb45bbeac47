import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import type { Repositories, Store } from '../domain/ports.js';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { openSqlite, sqliteDuplicateKey } from './dialects/sqlite.js';
import { readDirectly } from './compiled.js';
import { openPostgres, postgresDuplicateKey } from './dialects/postgres.js';
import { makeGuard, type Guard } from './repositories/guard.js';
import { hubRepository } from './repositories/hubs.js';
import { contentRepositoryRepository } from './repositories/content-repositories.js';
import { folderRepository } from './repositories/folders.js';
import { schemaRepository } from './repositories/schemas.js';
import { contentTypeRepository } from './repositories/content-types.js';
import { workflowStateRepository } from './repositories/workflow-states.js';
import { clientRepository, patRepository } from './repositories/clients.js';
import { grantRepository, hubModuleRepository } from './repositories/grants.js';
import { scopeRepository } from './repositories/scopes.js';
import { serverSecretRepository } from './repositories/server-secrets.js';
import { jobRepository } from './repositories/jobs.js';
import { contentItemRepository } from './repositories/content-items.js';
import { publishingJobRepository } from './repositories/publishing-jobs.js';
import { localizationJobRepository } from './repositories/localization-jobs.js';
import { mediaRepository } from './repositories/media.js';
import { assetStore } from './repositories/assets.js';
import { tempUploadRepository } from './repositories/temp-uploads.js';
import { postgresAssetSearchIndex, postgresSearchIndex, sqliteAssetSearchIndex, sqliteSearchIndex } from './search/index.js';

function repositories(db: Kysely<Database>, guard: Guard, postgres: boolean): Repositories {
  return {
    hubs: hubRepository(db, guard),
    contentRepositories: contentRepositoryRepository(db, guard),
    folders: folderRepository(db, guard),
    schemas: schemaRepository(db, guard),
    contentTypes: contentTypeRepository(db, guard),
    workflowStates: workflowStateRepository(db, guard),
    clients: clientRepository(db, guard),
    pats: patRepository(db, guard),
    grants: grantRepository(db),
    hubModules: hubModuleRepository(db),
    scopes: scopeRepository(db),
    serverSecrets: serverSecretRepository(db),
    jobs: jobRepository(db, { skipLocked: postgres }),
    contentItems: contentItemRepository(db, guard, postgres ? postgresSearchIndex : sqliteSearchIndex),
    publishingJobs: publishingJobRepository(db),
    localizationJobs: localizationJobRepository(db),
    media: mediaRepository(db),
    assets: assetStore(db, guard, postgres ? postgresAssetSearchIndex : sqliteAssetSearchIndex),
    tempUploads: tempUploadRepository(db),
  };
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
}

export interface StoreOptions {
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; otherwise the embedded SQLite file under `dataDir`. */
  databaseUrl?: string;
}

/** Opens the store and applies migrations (on PostgreSQL under Kysely's advisory lock, so instances may start together). */
export async function openStore({ dataDir, databaseUrl }: StoreOptions): Promise<Store> {
  const { db, reader } = databaseUrl ? { db: openPostgres(databaseUrl), reader: undefined } : openSqlite(path.join(dataDir, 'decibel.sqlite'));
  try {
    await migrate(db);
  } catch (error) {
    reader?.close();
    await db.destroy();
    throw error;
  }
  const postgres = databaseUrl !== undefined;
  if (reader) readDirectly(db, reader);
  const guard = makeGuard(postgres ? postgresDuplicateKey : sqliteDuplicateKey);
  return {
    ...repositories(db, guard, postgres),
    transaction: (work) => db.transaction().execute((trx) => work(repositories(trx, guard, postgres))),
    close: async () => {
      reader?.close();
      await db.destroy();
    },
  };
}
