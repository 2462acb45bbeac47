import type { Config } from './config.js';
import type { Deps } from './domain/ports.js';
import { createHub } from './domain/hubs/create-hub.js';
import { ensureClient } from './auth/clients.js';
import { DomainError } from './domain/errors.js';
import { ensureMediaHub } from './domain/media/media.js';

export const SYSTEM_ACTOR = { sid: 'decibel' };

/** The repositories of the bootstrap hub and of hubs made by `decibel hub create`. */
export const DEFAULT_REPOSITORIES = [
  { name: 'content', label: 'Content' },
  { name: 'slots', label: 'Slots', features: ['slots'] },
];

/**
 * First start: the bootstrap client, hub (with a `content` and a `slots` repository) and media hub (with
 * an `Assets` repository). Later starts change nothing, except that the bootstrap client's secret
 * follows DECIBEL_CLIENT_SECRET.
 */
export async function bootstrap(deps: Deps, config: Config): Promise<void> {
  await ensureClient(deps, config.bootstrap.clientId, config.bootstrap.clientSecret);
  await ensureMediaHub(deps, config.bootstrap.hubName);
  if (await deps.store.hubs.getByName(config.bootstrap.hubName)) return;
  try {
    await createHub(deps, SYSTEM_ACTOR, {
      name: config.bootstrap.hubName,
      label: config.bootstrap.hubName,
      description: 'Created by Decibel on first start',
      repositories: DEFAULT_REPOSITORIES,
    });
  } catch (error) {
    // Instances starting together on one database: the hub (made in one transaction) is another's.
    if (!(error instanceof DomainError && error.code === 'Conflict')) throw error;
  }
}
