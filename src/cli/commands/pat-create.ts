import { parseArgs } from 'node:util';
import { createPat } from '../../auth/clients.js';
import { JSON_OPTION, print, required, UsageError, withDeps, type Command } from '../command.js';

export const patCreateCommand: Command = {
  name: 'pat create',
  synopsis: '--client ID [--label LABEL] [--expires-in-days N] [--json]',
  summary: 'Create a personal access token that acts as a client; the token is shown only once.',
  options: [
    ['--client ID', 'the client the token acts as (required)'],
    ['--label LABEL', 'a name for people (default: "personal access token")'],
    ['--expires-in-days N', 'days until the token expires (default: never)'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        client: { type: 'string' },
        label: { type: 'string' },
        'expires-in-days': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const clientId = required(values.client, '--client');
    const expiresInDays = days(values['expires-in-days']);
    const pat = await withDeps(config, io, (deps) => createPat(deps, { clientId, label: values.label, expiresInDays }));
    print(io, values.json, { token: pat.token, clientId, expiresAt: pat.expiresAt }, [
      `token:   ${pat.token}`,
      `client:  ${clientId}`,
      `expires: ${pat.expiresAt ?? 'never'}`,
      'Send it as "Authorization: Bearer <token>" or give it to the SDK as { patToken }.',
      'The token is stored hashed and cannot be shown again; keep it now.',
    ]);
    return 0;
  },
};

function days(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 36_500) {
    throw new UsageError(`--expires-in-days must be a whole number from 1 to 36500, got "${raw}"`);
  }
  return value;
}
