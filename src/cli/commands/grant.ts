import { parseArgs } from 'node:util';
import { addAcl, addFunctional, grantRole } from '../../domain/access/members.js';
import { ROLES, type AclPermission, type FunctionalPermission } from '../../domain/access/permissions.js';
import { inTransaction } from '../../domain/transaction.js';
import { JSON_OPTION, print, required, UsageError, withDeps, type Command } from '../command.js';
import {
  aclGrant,
  findResource,
  permissionLines,
  permissionsFor,
  requireClient,
  requireRole,
  resourceOption,
  RESOURCE_ARGS,
  RESOURCE_OPTIONS,
  ROLE_NAMES,
} from '../grants.js';

export const grantCommand: Command = {
  name: 'grant',
  synopsis: '--client ID [--hub HUB | --repository REPO | --media-hub HUB | --asset-repository ID] (--role ROLE | --permissions LIST) [--json]',
  summary:
    'Give a client a role on a hub or media hub, or permissions: ACL ones (READ, EDIT, MANAGE_ACCESS) on the one resource given, functional ones (CONTENT:FUNCTIONAL:…) client-wide. Counts from the client\'s next request.',
  options: [
    ['--client ID', 'the client (required)'],
    ...RESOURCE_OPTIONS,
    ['--role ROLE', `a role (${ROLE_NAMES.join(', ')}): its ACL permissions on the --hub or --media-hub and its functional permissions`],
    ['--permissions LIST', 'comma-separated ACL and functional permission names; ACL ones need a resource option'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { client: { type: 'string' }, ...RESOURCE_ARGS, role: { type: 'string' }, permissions: { type: 'string' }, json: { type: 'boolean' } },
    });
    const clientId = required(values.client, '--client');
    const resource = resourceOption(values);
    if ((values.role === undefined) === (values.permissions === undefined)) throw new UsageError('give either --role or --permissions');
    let role: string | undefined;
    let wanted: { acl: AclPermission[]; functional: FunctionalPermission[] };
    if (values.role !== undefined) {
      if (resource?.type !== 'hubs' && resource?.type !== 'media-hubs') throw new UsageError('--role needs --hub or --media-hub');
      role = requireRole(values.role);
      wanted = { acl: [...ROLES[role]!.acl], functional: [...ROLES[role]!.functional] };
    } else {
      wanted = permissionsFor(values.permissions!, resource);
    }

    const acl = await withDeps(config, io, async (deps) => {
      await requireClient(deps.store, clientId);
      const target = resource && (await findResource(deps.store, resource.type, resource.ref));
      await inTransaction(deps, async (tx) => {
        if (role !== undefined) await grantRole(tx, clientId, role, { type: target!.type as 'hubs' | 'media-hubs', id: target!.id });
        else {
          if (target) await addAcl(tx, clientId, target.type, target.id, wanted.acl);
          if (wanted.functional.length > 0) await addFunctional(tx, clientId, wanted.functional);
        }
      });
      return target ? [aclGrant(target, wanted.acl)] : [];
    });
    print(io, values.json, { clientId, role: role ?? null, acl, functional: wanted.functional }, [
      `granted to client ${clientId}${role === undefined ? '' : ` (role ${role})`}:`,
      ...permissionLines(acl, wanted.functional),
    ]);
    return 0;
  },
};
