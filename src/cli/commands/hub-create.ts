import { parseArgs } from 'node:util';
import { DEFAULT_REPOSITORIES, SYSTEM_ACTOR } from '../../bootstrap.js';
import { createHub } from '../../domain/hubs/create-hub.js';
import { MODULES } from '../../domain/access/permissions.js';
import type { ContentRepository } from '../../domain/model.js';
import { JSON_OPTION, print, required, withDeps, type Command } from '../command.js';

export const hubCreateCommand: Command = {
  name: 'hub create',
  synopsis: '--name NAME [--label LABEL] [--description TEXT] [--no-repositories] [--no-modules] [--json]',
  summary: 'Create a hub with a "content" and a "slots" repository and both modules, like the hub made on first start.',
  options: [
    ['--name NAME', 'hub name: lower-case letters, digits and hyphens, unique (required)'],
    ['--label LABEL', 'a name for people (default: the name)'],
    ['--description TEXT', 'a description'],
    ['--no-repositories', 'create the hub without repositories'],
    ['--no-modules', `create the hub with no module enabled (default: ${MODULES.join(' and ')})`],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        name: { type: 'string' },
        label: { type: 'string' },
        description: { type: 'string' },
        'no-repositories': { type: 'boolean' },
        'no-modules': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const name = required(values.name, '--name');
    const modules = values['no-modules'] ? [] : MODULES;
    const { hub, repositories } = await withDeps(config, io, async (deps) => {
      const hub = await createHub(deps, SYSTEM_ACTOR, {
        name,
        label: values.label,
        description: values.description,
        repositories: values['no-repositories'] ? [] : DEFAULT_REPOSITORIES,
        // As the bootstrap hub: the bootstrap client administers it, and both modules are on.
        admins: [config.bootstrap.clientId],
        modules,
      });
      const repositories: ContentRepository[] = [];
      for (const { name } of values['no-repositories'] ? [] : DEFAULT_REPOSITORIES) {
        const repository = await deps.store.contentRepositories.getByName(hub.id, name);
        if (repository) repositories.push(repository);
      }
      return { hub, repositories };
    });
    print(
      io,
      values.json,
      {
        id: hub.id,
        name: hub.name,
        label: hub.label,
        repositories: repositories.map(({ id, name, features }) => ({ id, name, features })),
        modules,
      },
      [
        `hub id: ${hub.id}`,
        `name:   ${hub.name}`,
        ...repositories.map((r) => `repository ${r.name}: ${r.id}${r.features.length ? ` (${r.features.join(', ')})` : ''}`),
        `modules: ${modules.length ? modules.join(', ') : 'none'}`,
      ],
    );
    return 0;
  },
};
