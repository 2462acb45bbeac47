import { parseArgs } from 'node:util';
import { createAssetRepository } from '../../domain/media/media.js';
import { toGlobalId } from '../../graphql/ids.js';
import { findMediaHub, JSON_OPTION, print, required, withDeps, type Command } from '../command.js';

export const assetRepositoryCreateCommand: Command = {
  name: 'asset-repository create',
  synopsis: '--media-hub HUB --label LABEL [--json]',
  summary: 'Create an asset repository in a media hub.',
  options: [
    ['--media-hub HUB', 'the media hub, by id (a UUID or its GraphQL id) or by name (required)'],
    ['--label LABEL', 'the repository\'s label (required)'],
    JSON_OPTION,
  ],
  async run(args, { config, io }) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { 'media-hub': { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } },
    });
    const hubRef = required(values['media-hub'], '--media-hub');
    const label = required(values.label, '--label');
    const { hub, repository } = await withDeps(config, io, async (deps) => {
      const hub = await findMediaHub(deps.store, hubRef);
      return { hub, repository: await createAssetRepository(deps, { mediaHubId: hub.id, label }) };
    });
    const graphqlId = toGlobalId('AssetRepository', repository.id);
    print(io, values.json, { id: repository.id, graphqlId, label: repository.label, mediaHubId: hub.id, mediaHubName: hub.name }, [
      `asset repository id: ${repository.id} (GraphQL id ${graphqlId})`,
      `label:               ${repository.label}`,
      `media hub:           ${hub.name} (${hub.id})`,
    ]);
    return 0;
  },
};
