import type { Config } from './config.js';
import type { Deps } from './domain/ports.js';
import { createHub } from './domain/hubs/create-hub.js';
import { ensureClient } from './auth/clients.js';
import { DomainError } from './domain/errors.js';
import { ensureMediaHub } from './domain/media/media.js';
import { grantRole } from './domain/access/members.js';
import { MODULES } from './domain/access/permissions.js';

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
  const { clientId, hubName } = config.bootstrap;
  await ensureClient(deps, clientId, config.bootstrap.clientSecret);
  await ensureMediaHub(deps, hubName);
  if (!(await deps.store.hubs.getByName(hubName))) {
    try {
      await createHub(deps, SYSTEM_ACTOR, {
        name: hubName,
        label: hubName,
        description: 'Created by Decibel on first start',
        repositories: DEFAULT_REPOSITORIES,
        modules: MODULES,
      });
    } catch (error) {
      // Instances starting together on one database: the hub (made in one transaction) is another's.
      if (!(error instanceof DomainError && error.code === 'Conflict')) throw error;
    }
  }
  // The bootstrap client administers the bootstrap hub and media hub, whatever was revoked before a restart
  // (the environment is its source of truth, as for its secret).
  const hub = await deps.store.hubs.getByName(hubName);
  const mediaHub = await deps.store.media.getHubByName(hubName);
  if (hub) await grantRole(deps, clientId, 'admin', { type: 'hubs', id: hub.id });
  if (mediaHub) await grantRole(deps, clientId, 'admin', { type: 'media-hubs', id: mediaHub.id });
}
