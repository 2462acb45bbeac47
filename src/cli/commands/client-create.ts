import { parseArgs } from 'node:util';
import { createClient } from '../../auth/clients.js';
import { JSON_OPTION, print, withDeps, type Command } from '../command.js';

export const clientCreateCommand: Command = {
  name: 'client create',
  synopsis: '[--id ID] [--secret SECRET] [--label LABEL] [--json]',
  summary: 'Create an API client and print its id and secret; the secret is shown only once.',
  options: [
    ['--id ID', 'client id: 3-128 letters, digits or . _ ~ - (default: a random UUID)'],
    ['--secret SECRET', 'client secret, at least 8 characters (default: a random one)'],
    ['--label LABEL', 'a name for people (default: the client id)'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { id: { type: 'string' }, secret: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } },
    });
    const client = await withDeps(config, io, (deps) =>
      createClient(deps, { clientId: values.id, secret: values.secret, label: values.label }),
    );
    print(io, values.json, client, [
      `client id:     ${client.clientId}`,
      `client secret: ${client.secret}`,
      'The secret is stored hashed and cannot be shown again; keep it now.',
    ]);
    return 0;
  },
};
