import type { Route } from '../../context.js';
import { receiveUpload } from '../../../domain/media/temp-uploads.js';
import { UPLOADS_PATH } from '../../public-paths.js';

/**
 * The PUT to an upload URL of createTempFileUploadUrl: the raw bytes in the body, any Content-Type,
 * no token (the URL is the credential, as a presigned URL is). 200 with the size and type received.
 */
export const putUploadRoute: Route = (app, { deps }) =>
  app.put<{ Params: { token: string } }>(`${UPLOADS_PATH}/:token`, async (request) => {
    const length = Number(request.headers['content-length']);
    const upload = await receiveUpload(deps, request.params.token, request.raw, {
      contentType: request.headers['content-type'],
      contentLength: Number.isSafeInteger(length) ? length : undefined,
    });
    return { size: upload.size, contentType: upload.contentType };
  });
