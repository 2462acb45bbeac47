import { parseArgs } from 'node:util';
import { removeFunctional } from '../../domain/access/members.js';
import { inTransaction } from '../../domain/transaction.js';
import { JSON_OPTION, print, required, withDeps, type Command } from '../command.js';
import {
  aclGrant,
  findResource,
  permissionLines,
  permissionsFor,
  requireClient,
  resourceOption,
  RESOURCE_ARGS,
  RESOURCE_OPTIONS,
  type AclGrant,
} from '../grants.js';

export const revokeCommand: Command = {
  name: 'revoke',
  synopsis: '--client ID [--hub HUB | --repository REPO | --media-hub HUB | --asset-repository ID] --permissions LIST [--json]',
  summary:
    'Take permissions from a client: ACL ones on the one resource given, functional ones client-wide. Ones it does not hold are skipped. Counts from the client\'s next request.',
  options: [
    ['--client ID', 'the client (required)'],
    ...RESOURCE_OPTIONS,
    ['--permissions LIST', 'comma-separated ACL and functional permission names; ACL ones need a resource option (required)'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { client: { type: 'string' }, ...RESOURCE_ARGS, permissions: { type: 'string' }, json: { type: 'boolean' } },
    });
    const clientId = required(values.client, '--client');
    const resource = resourceOption(values);
    const wanted = permissionsFor(required(values.permissions, '--permissions'), resource);

    const { acl, functional, notHeld } = await withDeps(config, io, async (deps) => {
      await requireClient(deps.store, clientId);
      const target = resource && (await findResource(deps.store, resource.type, resource.ref));
      // What it held is read in the same transaction as the removal, so the report matches what changed.
      const { aclHeld, functionalHeld } = await inTransaction(deps, async (tx) => {
        const held = await tx.store.grants.listForSid(clientId);
        const holds = (type: string, id: string, permission: string) =>
          held.some((g) => g.resourceType === type && g.resourceId === id && g.permission === permission);
        const aclHeld = target ? wanted.acl.filter((p) => holds(target.type, target.id, p)) : [];
        const functionalHeld = wanted.functional.filter((p) => holds('functional', '', p));
        if (target) await tx.store.grants.remove(clientId, target.type, target.id, wanted.acl);
        if (wanted.functional.length > 0) await removeFunctional(tx, clientId, wanted.functional);
        return { aclHeld, functionalHeld };
      });
      const acl: AclGrant[] = target && aclHeld.length > 0 ? [aclGrant(target, aclHeld)] : [];
      const notHeld = [...wanted.acl.filter((p) => !aclHeld.includes(p)), ...wanted.functional.filter((p) => !functionalHeld.includes(p))];
      return { acl, functional: functionalHeld, notHeld };
    });
    const nothing = acl.length === 0 && functional.length === 0;
    print(io, values.json, { clientId, acl, functional, notHeld }, [
      nothing ? `revoked from client ${clientId}: nothing` : `revoked from client ${clientId}:`,
      ...permissionLines(acl, functional),
      ...(notHeld.length > 0 ? [`not held, so left as they were: ${notHeld.join(', ')}`] : []),
    ]);
    return 0;
  },
};
