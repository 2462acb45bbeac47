import type { Route } from '../../context.js';
import { getPublishedAsset } from '../../../domain/media/published-assets.js';
import { PUBLISHED_FILE_PREFIX, PUBLISHED_IMAGE_PREFIX } from '../../public-paths.js';
import { sendBlob } from './send-blob.js';

/**
 * A published asset's file, at `/i/{media hub}/{name}` (images) or `/v/{media hub}/{name}` (other
 * files), the vendor's URL shape. No token: published assets are public. The original file only — no
 * image transformations; their query parameters are ignored.
 */
export const getPublishedAssetRoute: Route = (app, { deps }) => {
  for (const prefix of [PUBLISHED_IMAGE_PREFIX, PUBLISHED_FILE_PREFIX]) {
    app.route<{ Params: { mediaHub: string; '*': string } }>({
      method: ['GET', 'HEAD'],
      url: `${prefix}/:mediaHub/*`,
      handler: async (request, reply) => {
        const asset = await getPublishedAsset(deps, request.params.mediaHub, request.params['*']);
        return sendBlob(request, reply, deps.blobs, {
          key: asset.key,
          contentType: asset.mimeType,
          etag: asset.etag,
          entity: 'Asset',
          // Republishing changes the bytes under the same URL: caches check back (and get a 304).
          cacheControl: 'public, no-cache',
        });
      },
    });
  }
};
