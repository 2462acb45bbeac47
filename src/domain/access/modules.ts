/**
 * 003 "Manage Modules on Resources": a hub's optional modules. Content Delivery 2 is what allows delivery
 * keys (003: "deliveryKey can only be set when Content Delivery 2 is enabled"); Search Index is recorded
 * and reported (Decibel has no search indexes to open yet: docs/permissions.md). There is no disabling.
 */
import { invalid, notFound } from '../errors.js';
import type { Deps } from '../ports.js';
import { authorize, type Access, type Need } from './access.js';
import { locate } from './locate.js';
import { FUNCTIONAL, MODULES, type ModuleName } from './permissions.js';

export interface HubModule {
  name: ModuleName;
  enabled: boolean;
  enabledDate?: string;
}

/** Enabling a module: administrators of the hub (003 "a hub for which you are an administrator"). */
export const MANAGE_MODULES: Need = { acl: 'MANAGE_ACCESS', functional: [FUNCTIONAL.HUB_MANAGE_MODULES] };

async function requireHub(deps: Deps, access: Access, hubId: string, need: Need): Promise<void> {
  const located = await locate(deps, 'hub', hubId);
  if (!located) throw notFound('Hub', hubId);
  authorize(access, located.scope, need, located.target);
}

/** Every module of the hub, enabled or not; any member who sees the hub may look. */
export async function listHubModules(deps: Deps, access: Access, hubId: string): Promise<HubModule[]> {
  await requireHub(deps, access, hubId, {});
  return modulesOf(deps, hubId);
}

async function modulesOf(deps: Deps, hubId: string): Promise<HubModule[]> {
  const enabled = new Map((await deps.store.hubModules.list(hubId)).map((m) => [m.module, m.enabledDate]));
  return MODULES.map((name) => (enabled.has(name) ? { name, enabled: true, enabledDate: enabled.get(name) } : { name, enabled: false }));
}

/** Enables the module; enabling it again changes nothing (a retried call is harmless). */
export async function enableHubModule(deps: Deps, access: Access, hubId: string, module: ModuleName): Promise<HubModule[]> {
  await requireHub(deps, access, hubId, MANAGE_MODULES);
  await deps.store.hubModules.enable(hubId, module, deps.clock.now());
  return modulesOf(deps, hubId);
}

/** For the CLI and the bootstrap. */
export async function enableModules(deps: Deps, hubId: string, modules: readonly ModuleName[]): Promise<void> {
  for (const module of modules) await deps.store.hubModules.enable(hubId, module, deps.clock.now());
}

export async function isModuleEnabled({ store }: Deps, hubId: string, module: ModuleName): Promise<boolean> {
  return (await store.hubModules.list(hubId)).some((m) => m.module === module);
}

/** 003: a delivery key can only be set when Content Delivery 2 is enabled on the hub. */
export async function requireDeliveryKeysEnabled(deps: Deps, hubId: string, property = 'deliveryKey'): Promise<void> {
  if (await isModuleEnabled(deps, hubId, 'content-delivery-2')) return;
  throw invalid({
    entity: 'ContentItem',
    property,
    message: 'a deliveryKey can only be set when the Content Delivery 2 module is enabled on the hub',
  });
}
