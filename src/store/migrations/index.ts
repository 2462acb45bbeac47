import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.js';
import * as serverSecrets from './002-server-secrets.js';

/** One ordered set of migrations for every dialect, imported statically so it works compiled and under test. */
const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-server-secrets': serverSecrets,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
