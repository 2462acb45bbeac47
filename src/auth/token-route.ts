/**
 * POST /oauth/token — the client credentials grant of the vendor's auth service (003 "Getting an access
 * token"): form-encoded `client_id`, `client_secret`, `grant_type=client_credentials` →
 * `{"access_token","session_expires_in":0,"expires_in"}`. Failures are 400 with an RFC 6749 `error`
 * plus the API's `errors` array; the official clients ignore both but people read them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiContext } from '../http/context.js';
import { checkClientCredentials } from './clients.js';

function refuse(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .send({ error, error_description: description, errors: [{ message: description }] });
}

export async function tokenRoutes(app: FastifyInstance, { deps, tokens, limits }: ApiContext) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  // Any other content type reaches the handler as a string, so it can be named in a clear 415.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/oauth/token', async (request, reply) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      return refuse(reply, 415, 'invalid_request', `send the token request as application/x-www-form-urlencoded, not ${type || 'an empty content type'}`);
    }
    const form = (request.body ?? {}) as Record<string, string>;
    const missing = ['grant_type', 'client_id', 'client_secret'].filter((field) => !form[field]);
    if (missing.length > 0) return refuse(reply, 400, 'invalid_request', `missing ${missing.join(', ')}`);
    if (form.grant_type !== 'client_credentials') {
      return refuse(reply, 400, 'unsupported_grant_type', `grant_type must be client_credentials, not ${form.grant_type}`);
    }
    // Counted per client id before the secret is checked, so guessing secrets is as limited as using them.
    const limited = await limits.take('token', form.client_id!);
    if (limited) {
      reply.header('Retry-After', String(limited.retryAfter));
      return refuse(reply, 429, 'slow_down', `too many token requests for this client; retry in ${limited.retryAfter} s`);
    }
    if (!(await checkClientCredentials(deps, form.client_id!, form.client_secret!))) {
      return refuse(reply, 400, 'invalid_client', 'client id or secret are not valid');
    }
    const { token, expiresIn } = await tokens.issue(form.client_id!);
    return reply
      .header('Cache-Control', 'no-store')
      .send({ access_token: token, token_type: 'bearer', session_expires_in: 0, expires_in: expiresIn });
  });
}
