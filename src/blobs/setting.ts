/**
 * DECIBEL_BLOBS (unset, `file:///folder` or `s3://bucket/prefix`) and the DECIBEL_S3_* settings that go
 * with it (docs/configuration.md). Kept apart from the stores so that reading configuration does not
 * load the AWS SDK.
 */
import { ConfigError } from '../config-error.js';

/** Where asset bytes are kept (src/blobs). */
export type BlobsSetting =
  | { kind: 'filesystem'; root?: string }
  | { kind: 's3'; bucket: string; prefix: string; endpoint?: string; region?: string; forcePathStyle: boolean };

// Amazon's rules for new buckets, which MinIO and the other S3-compatible servers follow too.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function decodedPath(raw: string, url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    throw new ConfigError('DECIBEL_BLOBS', `has a broken %-escape in its path: "${raw}"`);
  }
}

function fileSetting(raw: string, url: URL): BlobsSetting {
  // `new URL` reads `file:blobs` as `/blobs`; a folder relative to nothing must not become one at the root.
  if (!raw.startsWith('file://') || url.host !== '') {
    throw new ConfigError('DECIBEL_BLOBS', `a file:// URL names a local folder by its absolute path (file:///path/to/blobs), got "${raw}"`);
  }
  return { kind: 'filesystem', root: decodedPath(raw, url) };
}

function endpointSetting(env: Record<string, string | undefined>): string | undefined {
  const endpoint = env.DECIBEL_S3_ENDPOINT || undefined;
  if (endpoint === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError('DECIBEL_S3_ENDPOINT', `must be an http(s) URL, got "${endpoint}"`);
  }
  return endpoint;
}

function s3Setting(env: Record<string, string | undefined>, raw: string, url: URL): BlobsSetting {
  if (!url.hostname) throw new ConfigError('DECIBEL_BLOBS', 'an s3:// URL names a bucket: s3://bucket/optional/prefix');
  if (url.port || url.username || url.search || url.hash) {
    throw new ConfigError('DECIBEL_BLOBS', `an s3:// URL is only a bucket and a prefix (the server goes in DECIBEL_S3_ENDPOINT), got "${raw}"`);
  }
  if (!BUCKET_NAME.test(url.hostname)) {
    throw new ConfigError('DECIBEL_BLOBS', `"${url.hostname}" is not a bucket name: 3-63 lower-case letters, digits, dots and hyphens`);
  }
  const prefix = decodedPath(raw, url).replace(/^\/+|\/+$/g, '');
  const pathStyle = env.DECIBEL_S3_FORCE_PATH_STYLE || 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false') {
    throw new ConfigError('DECIBEL_S3_FORCE_PATH_STYLE', `must be true or false, got "${pathStyle}"`);
  }
  return {
    kind: 's3',
    bucket: url.hostname,
    prefix: prefix ? `${prefix}/` : '',
    endpoint: endpointSetting(env),
    region: env.DECIBEL_S3_REGION || undefined,
    forcePathStyle: pathStyle === 'true',
  };
}

/** Where blobs go; throws ConfigError naming the variable at fault. */
export function parseBlobsSetting(env: Record<string, string | undefined>): BlobsSetting {
  const raw = env.DECIBEL_BLOBS;
  if (raw === undefined || raw === '') return { kind: 'filesystem' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DECIBEL_BLOBS', `must be a file:// or s3:// URL, got "${raw}"`);
  }
  if (url.protocol === 'file:') return fileSetting(raw, url);
  if (url.protocol === 's3:') return s3Setting(env, raw, url);
  throw new ConfigError('DECIBEL_BLOBS', `must be a file:// or s3:// URL, got a ${url.protocol} URL`);
}
