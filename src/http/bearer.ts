/** The bearer credential of a request (REST and GraphQL alike), checked against tokens and PATs. */
import type { FastifyRequest } from 'fastify';
import type { Actor, Deps } from '../domain/ports.js';
import type { TokenService } from '../auth/tokens.js';
import { authenticateBearer } from '../auth/clients.js';
import { HttpError } from './errors.js';

function bearerCredential(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Full authentication is required: send Authorization: Bearer <access token>');
  const space = header.indexOf(' ');
  // The official clients send a lower-case "bearer": the scheme is case-insensitive (RFC 7235).
  const scheme = space < 0 ? header : header.slice(0, space);
  const credential = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme.toLowerCase() !== 'bearer') throw unauthorized(`unsupported authorization scheme ${scheme}; use Bearer`);
  if (credential === '' || credential === 'undefined') {
    throw unauthorized('the bearer token is empty or "undefined" — the token request probably failed; check the client id and secret');
  }
  return credential;
}

const unauthorized = (message: string) => new HttpError(401, message, { 'WWW-Authenticate': 'Bearer' });

/** The caller, or a 401 saying what is wrong with the credential. */
export const authenticate = (request: FastifyRequest, deps: Deps, tokens: TokenService): Promise<Actor> =>
  authenticateBearer(deps, tokens, bearerCredential(request));
