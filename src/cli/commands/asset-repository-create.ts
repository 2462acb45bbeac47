import { parseArgs } from 'node:util';
import { DomainError } from '../../domain/errors.js';
import { createAssetRepository } from '../../domain/media/media.js';
import type { MediaHub } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { fromGlobalId, toGlobalId } from '../../graphql/ids.js';
import { JSON_OPTION, print, required, withDeps, type Command } from '../command.js';

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

async function findMediaHub(store: Store, idOrName: string): Promise<MediaHub> {
  const decoded = fromGlobalId(idOrName);
  const id = decoded?.type === 'MediaHub' ? decoded.id : idOrName;
  const hub = (await store.media.getHub(id)) ?? (await store.media.getHubByName(idOrName));
  if (!hub) {
    throw new DomainError('NotFound', [{ entity: 'MediaHub', property: 'id or name', invalidValue: idOrName, message: 'no media hub with this id or name' }]);
  }
  return hub;
}
