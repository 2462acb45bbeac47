import type { Member } from '../../domain/access/members.js';
import type { HubModule } from '../../domain/access/modules.js';
import { link, type Links } from '../hal.js';

/** Where 003's access operations live: `/access/{resource}/{resourceId}`. */
export const accessUrl = (base: string, resource: string, resourceId: string) => `${base}/access/${resource}/${resourceId}`;
export const modulesUrl = (base: string, hubId: string) => `${base}/modules/hubs/${hubId}`;

/** A member of a resource: its sid and the ACL permissions it holds there (003 "List members"). */
export function memberResource(base: string, resource: string, resourceId: string, member: Member) {
  const self = `${accessUrl(base, resource, resourceId)}/members/${encodeURIComponent(member.sid)}`;
  return {
    sid: member.sid,
    permissions: member.permissions,
    _links: {
      self: link(self),
      member: link(self),
      'grant-permission': link(`${self}/permissions/{permissions}`),
      'revoke-permission': link(`${self}/permissions/{permissions}`),
    },
  };
}

/** The operations on one resource's access (003 "List Operations on a resource"). */
export function accessResource(base: string, resource: string, resourceId: string) {
  const self = accessUrl(base, resource, resourceId);
  return {
    resource,
    resourceId,
    _links: {
      self: link(self),
      members: link(`${self}/members{?page,size}`),
      member: link(`${self}/members/{sid}`),
      'grant-permission': link(`${self}/members/{sid}/permissions/{permissions}`),
      'revoke-permission': link(`${self}/members/{sid}/permissions/{permissions}`),
    },
  };
}

/** A hub's modules and the enable operations the caller may use (003 "List Module Operations on a Hub"). */
export function hubModulesResource(base: string, hubId: string, modules: HubModule[], mayEnable: boolean) {
  const self = modulesUrl(base, hubId);
  const links: Links = { self: link(self), hub: link(`${base}/hubs/${hubId}`) };
  for (const module of modules) if (!module.enabled && mayEnable) links[`enable-${module.name}`] = link(`${self}/${module.name}`);
  return { hubId, modules, _links: links };
}
