/**
 * Files over plain HTTP, outside the APIs and without a bearer token: upload URLs
 * (createTempFileUploadUrl) and published assets.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../../context.js';
import { getPublishedAssetRoute } from './get-published-asset.js';
import { getUploadRoute } from './get-upload.js';
import { putUploadRoute } from './put-upload.js';

export async function assetFileRoutes(app: FastifyInstance, context: ApiContext): Promise<void> {
  // Upload bodies are files of any type, streamed by the route itself (never buffered or parsed).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  for (const route of [putUploadRoute, getUploadRoute, getPublishedAssetRoute]) route(app, context);
}
