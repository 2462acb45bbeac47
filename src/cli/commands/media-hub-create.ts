import { parseArgs } from 'node:util';
import { createMediaHub, FIRST_ASSET_REPOSITORY } from '../../domain/media/media.js';
import { toGlobalId } from '../../graphql/ids.js';
import { JSON_OPTION, print, required, withDeps, type Command } from '../command.js';

export const mediaHubCreateCommand: Command = {
  name: 'media-hub create',
  synopsis: '--name NAME [--label LABEL] [--no-repository] [--json]',
  summary: `Create a media hub (GraphQL Asset Management API) with an "${FIRST_ASSET_REPOSITORY}" asset repository, like the first start's.`,
  options: [
    ['--name NAME', 'media hub name: lower-case letters, digits and hyphens, unique; published URLs use it (required)'],
    ['--label LABEL', 'a name for people (default: the name)'],
    ['--no-repository', 'create the media hub without an asset repository'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        name: { type: 'string' },
        label: { type: 'string' },
        'no-repository': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const name = required(values.name, '--name');
    const { hub, repositories } = await withDeps(config, io, (deps) =>
      createMediaHub(deps, { name, label: values.label, withRepository: !values['no-repository'], admins: [config.bootstrap.clientId] }),
    );
    print(
      io,
      values.json,
      {
        id: hub.id,
        graphqlId: toGlobalId('MediaHub', hub.id),
        name: hub.name,
        label: hub.label,
        assetRepositories: repositories.map(({ id, label }) => ({ id, graphqlId: toGlobalId('AssetRepository', id), label })),
      },
      [
        `media hub id: ${hub.id} (GraphQL id ${toGlobalId('MediaHub', hub.id)})`,
        `name:         ${hub.name}`,
        ...repositories.map((r) => `asset repository ${r.label}: ${r.id}`),
      ],
    );
    return 0;
  },
};
