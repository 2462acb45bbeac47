import type { Route } from '../../context.js';
import { getUploadedFile } from '../../../domain/media/temp-uploads.js';
import { UPLOADS_PATH } from '../../public-paths.js';
import { sendBlob } from './send-blob.js';

/** The download URL of an upload: the uploaded file, until it is used by an asset or expires. */
export const getUploadRoute: Route = (app, { deps }) =>
  app.route<{ Params: { token: string } }>({
    method: ['GET', 'HEAD'],
    url: `${UPLOADS_PATH}/:token`,
    handler: async (request, reply) => {
      const upload = await getUploadedFile(deps, request.params.token);
      return sendBlob(request, reply, deps.blobs, {
        key: upload.blobKey,
        contentType: upload.contentType ?? 'application/octet-stream',
        etag: upload.token.slice(0, 16),
        entity: 'TempUpload',
        cacheControl: 'private, no-store',
      });
    },
  });
