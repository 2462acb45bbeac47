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
  ])('stops on a bad %s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
  it('normalises the public URL', () => {
    expect(loadConfig({ DECIBEL_PUBLIC_URL: 'https://cms.example.com/base/' }).publicUrl).toBe('https://cms.example.com/base');
  });
});
