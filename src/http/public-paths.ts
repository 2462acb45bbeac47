/**
 * The URLs Decibel hands out beside its APIs: temporary upload URLs (createTempFileUploadUrl) and the
 * public URLs of published assets, shaped like the vendor's (`/i/{endpoint}/{name}`; the media hub's
 * name is the endpoint). Built here and parsed here, for the routes and for GraphQL.
 */
export const UPLOADS_PATH = '/asset-uploads';
export const PUBLISHED_IMAGE_PREFIX = '/i';
export const PUBLISHED_FILE_PREFIX = '/v';

export const uploadUrl = (origin: string, token: string) => `${origin}${UPLOADS_PATH}/${token}`;

export const publishedAssetUrl = (origin: string, mediaHubName: string, assetName: string, type: string) =>
  `${origin}${type === 'IMAGE' ? PUBLISHED_IMAGE_PREFIX : PUBLISHED_FILE_PREFIX}/${encodeURIComponent(mediaHubName)}/${encodeURIComponent(assetName)}`;

/** The token of one of this server's upload URLs, or undefined for any other URL. */
export function uploadToken(src: string, origin: string): string | undefined {
  const prefix = `${origin}${UPLOADS_PATH}/`;
  const token = src.startsWith(prefix) ? src.slice(prefix.length) : '';
  return /^[A-Za-z0-9_-]{20,}$/.test(token) ? token : undefined;
}
