/** The token endpoint and bearer authentication over raw HTTP (vendor docs 000/002/003). */
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../src/auth/tokens.js';
import { CLIENT_ID, CLIENT_SECRET, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const tokenRequest = (body: string | Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
  fetch(`${server.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  });

const good = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

describe('POST /oauth/token', () => {
  it('issues a token in the vendor shape', async () => {
    const response = await tokenRequest(good);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ session_expires_in: 0, expires_in: 300 });
    expect(typeof body.access_token).toBe('string');
    expect((body.access_token as string).split('.')).toHaveLength(3);
  });

  it.each([
    ['a wrong secret', { ...good, client_secret: 'not-the-secret' }, 'invalid_client'],
    ['an unknown client', { ...good, client_id: 'nobody' }, 'invalid_client'],
    ['a missing secret', { grant_type: 'client_credentials', client_id: CLIENT_ID }, 'invalid_request'],
    ['another grant type', { ...good, grant_type: 'password' }, 'unsupported_grant_type'],
  ])('refuses %s with 400', async (_name, form, error) => {
    const response = await tokenRequest(form);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; errors: { message: string }[] };
    expect(body.error).toBe(error);
    expect(body.errors[0]!.message).toMatch(/\w/);
  });

  it('limits token requests per client id (DECIBEL_TOKEN_RATE_LIMIT) with 429 and Retry-After, wrong secrets included', async () => {
    const limited = await startTestServer({ DECIBEL_TOKEN_RATE_LIMIT: '2' });
    try {
      const request = (form: Record<string, string>) =>
        fetch(`${limited.authUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
      expect((await request({ ...good, client_secret: 'wrong-guess' })).status).toBe(400);
      expect((await request(good)).status).toBe(200);
      const refused = await request(good);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/too many token requests/);
      // Another client id has a budget of its own.
      expect((await request({ ...good, client_id: 'someone-else' })).status).toBe(400);
    } finally {
      await limited.close();
    }
  });

  it('refuses a JSON body with a clear 415, not a 500', async () => {
    const response = await tokenRequest(JSON.stringify(good), 'application/json');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error_description: string }).error_description).toMatch(/x-www-form-urlencoded/);
  });

  it('answers 405 to GET', async () => {
    const response = await fetch(`${server.authUrl}/oauth/token`);
    expect(response.status).toBe(405);
  });
});

describe('bearer authentication', () => {
  const hubs = (authorization?: string) =>
    fetch(`${server.apiUrl}/hubs`, { headers: authorization ? { authorization } : {} });

  it('accepts the scheme in any case, as the SDK sends "bearer"', async () => {
    const token = await server.token();
    expect((await hubs(`bearer ${token}`)).status).toBe(200);
    expect((await hubs(`BEARER ${token}`)).status).toBe(200);
  });

  it.each([
    ['no header', undefined, /authentication is required/],
    ['another scheme', 'Basic dXNlcjpwYXNz', /scheme/],
    ['"bearer undefined" after a failed token call', 'bearer undefined', /token request probably failed/],
    ['a malformed token', 'Bearer not-a-jwt', /malformed/],
  ])('answers 401 with the errors body for %s', async (_name, header, message) => {
    const response = await hubs(header);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(message);
  });

  it('answers 401 to a token signed with another key', async () => {
    const [header, payload] = (await server.token()).split('.');
    const forged = `${header}.${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    const response = await hubs(`Bearer ${forged}`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/signature/);
  });
});

describe('token expiry', () => {
  it('refuses an expired token with 401', async () => {
    // Signed with the server's own key, its exp already past: no waiting on the clock (a TTL of a second
    // left a token from a slow machine expired before its first use).
    const key = await loadSigningKey(server.deps.store.serverSecrets, new Date().toISOString());
    const now = Math.floor(Date.now() / 1000);
    const signed = (issuedAt: number, expiresAt: number) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('decibel').setSubject(CLIENT_ID).setIssuedAt(issuedAt).setExpirationTime(expiresAt).sign(key);
    const withToken = async (token: string) => server.api('/hubs', { headers: { authorization: `Bearer ${token}` } });
    const response = await withToken(await signed(now - 600, now - 300));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/expired/);
    // Signed the same way but not yet expired, it is accepted: only its exp refused the first.
    expect((await withToken(await signed(now, now + 60))).status).toBe(200);
  });

  it('issues tokens that expire after DECIBEL_TOKEN_TTL seconds', async () => {
    const short = await startTestServer({ DECIBEL_TOKEN_TTL: '42' });
    try {
      const claims = decodeJwt(await short.token());
      expect(claims.exp! - claims.iat!).toBe(42);
    } finally {
      await short.close();
    }
  });

  it('keeps tokens valid across a restart on the same database (the signing key is kept there)', async () => {
    const token = await server.token();
    const second = await startTestServer({
      DECIBEL_DATA_DIR: server.config.dataDir,
      ...(server.config.databaseUrl ? { DATABASE_URL: server.config.databaseUrl } : {}),
    });
    try {
      expect((await second.api('/hubs', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
