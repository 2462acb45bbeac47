import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { ServerSecretRepository } from '../domain/ports.js';

const ISSUER = 'decibel';
const ALGORITHM = 'HS256';

export interface TokenService {
  /** A signed access token for `clientId`, valid for the configured TTL. */
  issue(clientId: string): Promise<{ token: string; expiresIn: number }>;
  /** The client id the token was issued to; throws TokenRejected otherwise. */
  verify(token: string): Promise<string>;
}

export class TokenRejected extends Error {}

const SIGNING_KEY = 'token-signing-key';

/**
 * The HMAC key is made on first start and kept in the database, so tokens survive restarts and every
 * instance sharing the database accepts tokens any of them issued. Deleting the `token-signing-key` row
 * of `server_secrets` (and restarting) invalidates every issued token.
 */
export async function loadSigningKey(secrets: ServerSecretRepository, now: string): Promise<Uint8Array> {
  const key = Buffer.from(await secrets.getOrCreate(SIGNING_KEY, randomBytes(32).toString('base64url'), now), 'base64url');
  if (key.length < 32) throw new Error(`the stored ${SIGNING_KEY} is shorter than 256 bits; delete it to have a new one made`);
  return key;
}

/** How many verified tokens to remember; past that the oldest are forgotten and verified again when seen. */
const VERIFIED_CACHE_SIZE = 10_000;

export function tokenService(key: Uint8Array, ttlSeconds: number): TokenService {
  // jose verifies through WebCrypto, which runs on the libuv thread pool: a round trip per request that
  // left the event loop idle most of the time under load (bench/). A token verified once is remembered
  // (by its full text, so only the identical signed token matches) until it expires.
  const verified = new Map<string, { clientId: string; expiresAt: number }>();
  const remember = (token: string, clientId: string, exp: number | undefined) => {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { clientId, expiresAt: (exp ?? 0) * 1000 });
  };
  return {
    async issue(clientId) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setSubject(clientId)
        .setIssuedAt()
        .setJti(randomBytes(12).toString('base64url'))
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (Date.now() < known.expiresAt) return known.clientId;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: [ALGORITHM] });
        if (typeof payload.sub !== 'string') throw new TokenRejected('the token names no client');
        remember(token, payload.sub, payload.exp);
        return payload.sub;
      } catch (error) {
        if (error instanceof TokenRejected) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new TokenRejected('the access token has expired; request a new one');
        if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw new TokenRejected('the access token signature is invalid');
        throw new TokenRejected('the access token is malformed or was not issued by this server');
      }
    },
  };
}
