import { MANAGED_RESOURCES, type ManagedResource } from '../../../domain/access/members.js';

/** `/access/{resource}/{resourceId}[/members/{sid}[/permissions/{permissions}]]` (003's parameter names). */
export interface AccessParams {
  resource: ManagedResource;
  resourceId: string;
  sid: string;
  permissions: string;
}

export const accessParams = (...extra: ('sid' | 'permissions')[]) => ({
  type: 'object',
  required: ['resource', 'resourceId', ...extra],
  properties: {
    resource: { type: 'string', enum: [...MANAGED_RESOURCES] },
    resourceId: { type: 'string', minLength: 1 },
    sid: { type: 'string', minLength: 1 },
    permissions: { type: 'string', minLength: 1 },
  },
});
