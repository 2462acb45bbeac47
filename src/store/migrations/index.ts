import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.js';
import * as serverSecrets from './002-server-secrets.js';
import * as jobs from './003-jobs.js';
import * as contentItems from './004-content-items.js';
import * as publishingJobs from './005-publishing-jobs.js';
import * as contentSearch from './006-content-search.js';
import * as contentLinks from './007-content-links.js';
import * as localizationJobs from './008-localization-jobs.js';
import * as media from './009-media.js';
import * as assets from './010-assets.js';
import * as assetFiles from './011-asset-files.js';
import * as assetSearchIndexes from './012-asset-search-indexes.js';
import * as permissions from './013-permissions.js';

/** One ordered set of migrations for every dialect, imported statically so it works compiled and under test. */
const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-server-secrets': serverSecrets,
  '003-jobs': jobs,
  '004-content-items': contentItems,
  '005-publishing-jobs': publishingJobs,
  '006-content-search': contentSearch,
  '007-content-links': contentLinks,
  '008-localization-jobs': localizationJobs,
  '009-media': media,
  '010-assets': assets,
  '011-asset-files': assetFiles,
  '012-asset-search-indexes': assetSearchIndexes,
  '013-permissions': permissions,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
