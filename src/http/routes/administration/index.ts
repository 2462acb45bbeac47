/** 003 "Administration": access management and modules. Each operation checks its caller in the domain. */
import { MODULES } from '../../../domain/access/permissions.js';
import type { Route } from '../../context.js';
import { listAdministrativeOperationsRoute } from './list-operations.js';
import { accessResourceRoute } from './access-resource.js';
import { listMembersRoute } from './list-members.js';
import { getMemberRoute } from './get-member.js';
import { grantPermissionsRoute } from './grant-permissions.js';
import { revokePermissionsRoute } from './revoke-permissions.js';
import { hubModulesRoute } from './hub-modules.js';
import { enableModuleRoute } from './enable-module.js';

export const administrationRoutes: Route[] = [
  listAdministrativeOperationsRoute,
  accessResourceRoute,
  listMembersRoute,
  getMemberRoute,
  grantPermissionsRoute,
  revokePermissionsRoute,
  hubModulesRoute,
  enableModuleRoute,
];

const MEMBER = '/access/:resource/:resourceId/members/:sid';

/** The routes above, as src/http/access.ts keys them: they need no rule of their own there. */
export const ADMINISTRATION_RULES: ReadonlySet<string> = new Set([
  'GET /admin',
  'GET /access',
  'GET /modules',
  'GET /access/:resource/:resourceId',
  'GET /access/:resource/:resourceId/members',
  `GET ${MEMBER}`,
  `PUT ${MEMBER}/permissions/:permissions`,
  `DELETE ${MEMBER}/permissions/:permissions`,
  'GET /modules/hubs/:hubId',
  ...MODULES.map((module) => `POST /modules/hubs/:hubId/${module}`),
]);
