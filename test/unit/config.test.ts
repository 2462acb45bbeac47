import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const config = loadConfig({}, '/srv');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      publicUrl: undefined,
      bootstrap: { clientId: 'decibel', clientSecret: 'decibel-secret', hubName: 'decibel' },
      tokenTtl: 300,
      logLevel: 'info',
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: 'decibel',
      rateLimits: { token: 300, publish: 100, graphql: 60 },
      blobs: { kind: 'filesystem' },
      ingest: { maxBytes: 1024 ** 3, timeoutMs: 300_000, uploadTtl: 900 },
      graphqlLimits: { mutationIds: 200, assetIds: 1000 },
    });
  });
  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DECIBEL_TOKEN_TTL', '0'],
    ['DECIBEL_PUBLIC_URL', 'not a url'],
    ['DECIBEL_PUBLIC_URL', 'ftp://x'],
    ['LOG_LEVEL', 'loud'],
    ['DECIBEL_HUB_NAME', 'Has Spaces'],
    ['DECIBEL_CLIENT_SECRET', 'short'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['REDIS_URL', 'not a url'],
    ['DECIBEL_PUBLISH_RATE_LIMIT', '-1'],
    ['DECIBEL_GRAPHQL_RATE_LIMIT', 'sixty'],
    ['DECIBEL_BLOBS', 'gs://bucket'],
    ['DECIBEL_BLOBS', 's3:///no-bucket'],
    ['DECIBEL_BLOBS', 'file://host/folder'],
    ['DECIBEL_BLOBS', 'a folder'],
    ['DECIBEL_INGEST_ALLOW', 'http://10.0.0.1/'],
    ['DECIBEL_INGEST_MAX_BYTES', '0'],
    ['DECIBEL_INGEST_TIMEOUT', 'soon'],
    ['DECIBEL_GRAPHQL_MUTATION_IDS', '0'],
  ])('stops on a bad %s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
  it('reads rate limits, 0 meaning no limit', () => {
    expect(loadConfig({ DECIBEL_PUBLISH_RATE_LIMIT: '0', DECIBEL_TOKEN_RATE_LIMIT: '5' }).rateLimits).toEqual({ token: 5, publish: 0, graphql: 60 });
  });
  it('reads where blobs go', () => {
    expect(loadConfig({ DECIBEL_BLOBS: 'file:///srv/decibel%20blobs' }).blobs).toEqual({ kind: 'filesystem', root: '/srv/decibel blobs' });
    expect(
      loadConfig({
        DECIBEL_BLOBS: 's3://assets/decibel/prod/',
        DECIBEL_S3_ENDPOINT: 'http://minio:9000',
        DECIBEL_S3_REGION: 'eu-west-1',
        DECIBEL_S3_FORCE_PATH_STYLE: 'true',
      }).blobs,
    ).toEqual({ kind: 's3', bucket: 'assets', prefix: 'decibel/prod/', endpoint: 'http://minio:9000', region: 'eu-west-1', forcePathStyle: true });
    expect(loadConfig({ DECIBEL_BLOBS: 's3://assets' }).blobs).toMatchObject({ prefix: '', forcePathStyle: false, endpoint: undefined });
  });
  it.each([
    ['DECIBEL_S3_ENDPOINT', 'minio:9000'],
    ['DECIBEL_S3_FORCE_PATH_STYLE', 'yes'],
  ])('stops on a bad %s beside an s3:// DECIBEL_BLOBS', (variable, value) => {
    expect(() => loadConfig({ DECIBEL_BLOBS: 's3://assets', [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
  it('normalises the public URL', () => {
    expect(loadConfig({ DECIBEL_PUBLIC_URL: 'https://cms.example.com/base/' }).publicUrl).toBe('https://cms.example.com/base');
  });
});
