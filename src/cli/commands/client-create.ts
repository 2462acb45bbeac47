import { parseArgs } from 'node:util';
import { createClient } from '../../auth/clients.js';
import { grantRole } from '../../domain/access/members.js';
import { ROLES } from '../../domain/access/permissions.js';
import { inTransaction } from '../../domain/transaction.js';
import { JSON_OPTION, print, UsageError, withDeps, type Command } from '../command.js';
import { aclGrant, findResource, permissionLines, requireRole, ROLE_NAMES, type AclGrant, type Resource } from '../grants.js';

export const clientCreateCommand: Command = {
  name: 'client create',
  synopsis: '[--id ID] [--secret SECRET] [--label LABEL] [--role ROLE [--hub HUB] [--media-hub HUB]] [--json]',
  summary:
    'Create an API client and print its id and secret; the secret is shown only once. Without --role the client holds no permissions and sees no hub.',
  options: [
    ['--id ID', 'client id: 3-128 letters, digits or . _ ~ - (default: a random UUID)'],
    ['--secret SECRET', 'client secret, at least 8 characters (default: a random one)'],
    ['--label LABEL', 'a name for people (default: the client id)'],
    ['--role ROLE', `give the client a role (${ROLE_NAMES.join(', ')}) on the hub and/or media hub given`],
    ['--hub HUB', 'the hub the role is on, by id or by name'],
    ['--media-hub HUB', 'the media hub the role is on, by id (a UUID or its GraphQL id) or by name'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        id: { type: 'string' },
        secret: { type: 'string' },
        label: { type: 'string' },
        role: { type: 'string' },
        hub: { type: 'string' },
        'media-hub': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const places = [
      ...(values.hub === undefined ? [] : [{ type: 'hubs' as const, ref: values.hub }]),
      ...(values['media-hub'] === undefined ? [] : [{ type: 'media-hubs' as const, ref: values['media-hub'] }]),
    ];
    if (values.role === undefined && places.length > 0) {
      throw new UsageError('--hub and --media-hub say where --role applies; give --role too (or use decibel grant)');
    }
    if (values.role !== undefined && places.length === 0) throw new UsageError('--role needs --hub or --media-hub (or both)');
    const role = values.role === undefined ? undefined : requireRole(values.role);

    const { client, acl } = await withDeps(config, io, async (deps) => {
      // Everything is looked up first: a refused command leaves no client behind.
      const resources: Resource[] = [];
      for (const { type, ref } of places) resources.push(await findResource(deps.store, type, ref));
      return inTransaction(deps, async (tx) => {
        const client = await createClient(tx, { clientId: values.id, secret: values.secret, label: values.label });
        const acl: AclGrant[] = [];
        for (const resource of resources) {
          await grantRole(tx, client.clientId, role!, { type: resource.type as 'hubs' | 'media-hubs', id: resource.id });
          acl.push(aclGrant(resource, ROLES[role!]!.acl));
        }
        return { client, acl };
      });
    });
    const functional = role === undefined ? [] : ROLES[role]!.functional;
    print(io, values.json, { ...client, role: role ?? null, acl, functional }, [
      `client id:     ${client.clientId}`,
      `client secret: ${client.secret}`,
      ...(role === undefined
        ? ['permissions:   none; the client sees no hub until `decibel grant` gives it some']
        : [`role:          ${role}`, ...permissionLines(acl, functional)]),
      'The secret is stored hashed and cannot be shown again; keep it now.',
    ]);
    return 0;
  },
};
