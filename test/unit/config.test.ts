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
  ])('stops on a bad %s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
  it('reads rate limits, 0 meaning no limit', () => {
    expect(loadConfig({ DECIBEL_PUBLISH_RATE_LIMIT: '0', DECIBEL_TOKEN_RATE_LIMIT: '5' }).rateLimits).toEqual({ token: 5, publish: 0, graphql: 60 });
  });
  it('normalises the public URL', () => {
    expect(loadConfig({ DECIBEL_PUBLIC_URL: 'https://cms.example.com/base/' }).publicUrl).toBe('https://cms.example.com/base');
  });
});
