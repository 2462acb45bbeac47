import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { createRepository, REPOSITORY_FEATURES } from '../../domain/repositories/create-repository.js';
import { findHub, JSON_OPTION, print, required, withDeps, type Command } from '../command.js';

export const repositoryCreateCommand: Command = {
  name: 'repository create',
  synopsis: '--hub HUB --name NAME [--label LABEL] [--feature FEATURE ...] [--locale LOCALE ...] [--json]',
  summary: 'Create a content repository in a hub.',
  options: [
    ['--hub HUB', 'the hub, by id or by name (required)'],
    ['--name NAME', 'repository name: lower-case letters, digits and hyphens, unique in the hub (required)'],
    ['--label LABEL', 'a name for people (default: the name)'],
    ['--feature FEATURE', `a repository feature (${REPOSITORY_FEATURES.join(', ')}); repeat for several`],
    ['--locale LOCALE', 'an item locale such as en-GB; repeat for several'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        hub: { type: 'string' },
        name: { type: 'string' },
        label: { type: 'string' },
        feature: { type: 'string', multiple: true },
        locale: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
    const hubRef = required(values.hub, '--hub');
    const name = required(values.name, '--name');
    const { hub, repository } = await withDeps(config, io, async (deps) => {
      const hub = await findHub(deps.store, hubRef);
      const repository = await createRepository(deps, SYSTEM_ACTOR, hub.id, {
        name,
        label: values.label,
        features: values.feature,
        itemLocales: values.locale,
      });
      return { hub, repository };
    });
    const { id, features, itemLocales } = repository;
    print(io, values.json, { id, name: repository.name, hubId: hub.id, hubName: hub.name, features, itemLocales }, [
      `repository id: ${id}`,
      `name:          ${repository.name}`,
      `hub:           ${hub.name} (${hub.id})`,
    ]);
    return 0;
  },
};
