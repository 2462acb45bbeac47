import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { parseBlobsSetting } from '../../src/blobs/index.js';

describe('parseBlobsSetting', () => {
  it('keeps blobs in the data folder when DECIBEL_BLOBS is unset or empty', () => {
    expect(parseBlobsSetting({})).toEqual({ kind: 'filesystem' });
    expect(parseBlobsSetting({ DECIBEL_BLOBS: '' })).toEqual({ kind: 'filesystem' });
  });

  it('reads a folder from a file:// URL', () => {
    expect(parseBlobsSetting({ DECIBEL_BLOBS: 'file:///srv/decibel%20blobs' })).toEqual({ kind: 'filesystem', root: '/srv/decibel blobs' });
  });

  it('reads a bucket and prefix from an s3:// URL, with the DECIBEL_S3_* settings', () => {
    expect(
      parseBlobsSetting({
        DECIBEL_BLOBS: 's3://assets/decibel/prod/',
        DECIBEL_S3_ENDPOINT: 'http://minio:9000',
        DECIBEL_S3_REGION: 'eu-west-1',
        DECIBEL_S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toEqual({ kind: 's3', bucket: 'assets', prefix: 'decibel/prod/', endpoint: 'http://minio:9000', region: 'eu-west-1', forcePathStyle: true });
  });

  it('defaults to no prefix, AWS itself, the SDK region and virtual-host addressing', () => {
    expect(parseBlobsSetting({ DECIBEL_BLOBS: 's3://assets', DECIBEL_S3_ENDPOINT: '', DECIBEL_S3_FORCE_PATH_STYLE: '' })).toEqual({
      kind: 's3',
      bucket: 'assets',
      prefix: '',
      endpoint: undefined,
      region: undefined,
      forcePathStyle: false,
    });
    expect(parseBlobsSetting({ DECIBEL_BLOBS: 's3://my.assets-2//a//b//' })).toMatchObject({ bucket: 'my.assets-2', prefix: 'a//b/' });
  });

  it('ignores the DECIBEL_S3_* settings when blobs stay in a folder', () => {
    expect(parseBlobsSetting({ DECIBEL_S3_ENDPOINT: 'not a url', DECIBEL_S3_FORCE_PATH_STYLE: 'maybe' })).toEqual({ kind: 'filesystem' });
  });

  it.each([
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 'a folder' }, /must be a file:\/\/ or s3:\/\/ URL/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 'gs://bucket' }, /got a gs: URL/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 'file://host/folder' }, /absolute path/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 'file:relative/folder' }, /absolute path/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3:///prefix-without-bucket' }, /names a bucket/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://Assets' }, /not a bucket name/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://my_assets' }, /not a bucket name/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://ab' }, /not a bucket name/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://minio:9000/assets' }, /DECIBEL_S3_ENDPOINT/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://assets/prefix?versioning=on' }, /only a bucket and a prefix/],
    ['DECIBEL_BLOBS', { DECIBEL_BLOBS: 's3://assets/%zz' }, /broken %-escape/],
    ['DECIBEL_S3_ENDPOINT', { DECIBEL_BLOBS: 's3://assets', DECIBEL_S3_ENDPOINT: 'minio:9000' }, /http\(s\) URL/],
    ['DECIBEL_S3_ENDPOINT', { DECIBEL_BLOBS: 's3://assets', DECIBEL_S3_ENDPOINT: 'ftp://minio' }, /http\(s\) URL/],
    ['DECIBEL_S3_FORCE_PATH_STYLE', { DECIBEL_BLOBS: 's3://assets', DECIBEL_S3_FORCE_PATH_STYLE: 'yes' }, /true or false/],
  ])('stops on a bad %s: %j', (variable, env, message) => {
    let thrown: unknown;
    try {
      parseBlobsSetting(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ variable, message: expect.stringMatching(message) });
  });
});
