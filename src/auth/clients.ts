import { conflict, DomainError, invalid } from '../domain/errors.js';
import { requireText } from '../domain/fields.js';
import type { Actor, Deps } from '../domain/ports.js';
import { DuplicateKeyError } from '../domain/ports.js';
import { hashSecret, hashToken, newClientSecret, newPatToken, PAT_PREFIX, verifySecret } from './secrets.js';
import { TokenRejected, type TokenService } from './tokens.js';

const CLIENT_ID = /^[A-Za-z0-9._~-]{3,128}$/;

/** Creates an API client (the vendor's "API key and secret"); the secret is returned once and stored hashed. */
export async function createClient(
  deps: Deps,
  input: { clientId?: string; secret?: string; label?: string },
): Promise<{ clientId: string; secret: string }> {
  const clientId = input.clientId ?? deps.ids.uuid();
  if (!CLIENT_ID.test(clientId)) {
    throw invalid({ entity: 'Client', property: 'clientId', invalidValue: clientId, message: 'client id must be 3-128 letters, digits or . _ ~ -' });
  }
  const secret = input.secret ?? newClientSecret();
  if (secret.length < 8) throw invalid({ entity: 'Client', property: 'secret', message: 'a client secret must be at least 8 characters' });
  try {
    await deps.store.clients.insert({
      clientId,
      label: requireText('Client', 'label', input.label ?? clientId),
      secretHash: await hashSecret(secret),
      createdDate: deps.clock.now(),
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw conflict({ entity: 'Client', property: 'clientId', invalidValue: clientId, message: 'a client with this id exists' });
    throw error;
  }
  return { clientId, secret };
}

/** Makes sure the bootstrap client exists with the configured secret (the environment is its source of truth). */
export async function ensureClient(deps: Deps, clientId: string, secret: string): Promise<void> {
  const existing = await deps.store.clients.get(clientId);
  if (!existing) {
    try {
      await createClient(deps, { clientId, secret, label: 'bootstrap client' });
    } catch (error) {
      // Another instance starting at the same moment made it first; it holds the same secret.
      if (!(error instanceof DomainError && error.code === 'Conflict')) throw error;
    }
  } else if (!(await verifySecret(secret, existing.secretHash))) {
    await deps.store.clients.update({ ...existing, secretHash: await hashSecret(secret) });
  }
}

/** The client credentials grant: true only for a known client with its current secret. */
export async function checkClientCredentials(deps: Deps, clientId: string, secret: string): Promise<boolean> {
  const client = await deps.store.clients.get(clientId);
  if (!client) {
    // Spend the same time as a real check, so response times do not reveal which client ids exist.
    await verifySecret(secret, DUMMY_HASH);
    return false;
  }
  return verifySecret(secret, client.secretHash);
}
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Issues a personal access token that acts as `clientId`; the token is shown once and stored hashed. */
export async function createPat(
  deps: Deps,
  input: { clientId: string; label?: string; expiresInDays?: number },
): Promise<{ token: string; expiresAt: string | null }> {
  const client = await deps.store.clients.get(input.clientId);
  if (!client) throw invalid({ entity: 'Client', property: 'clientId', invalidValue: input.clientId, message: 'no client with this id' });
  const token = newPatToken();
  const now = deps.clock.now();
  const expiresAt =
    input.expiresInDays === undefined ? null : new Date(Date.parse(now) + input.expiresInDays * 86_400_000).toISOString();
  await deps.store.pats.insert({
    id: deps.ids.uuid(),
    clientId: client.clientId,
    label: input.label ?? 'personal access token',
    tokenHash: hashToken(token),
    createdDate: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Resolves a bearer credential (an access token or a PAT) to the actor it stands for. */
export async function authenticateBearer(deps: Deps, tokens: TokenService, credential: string): Promise<Actor> {
  if (credential.startsWith(PAT_PREFIX)) {
    const pat = await deps.store.pats.getByHash(hashToken(credential));
    if (!pat) throw new TokenRejected('unknown personal access token');
    if (pat.expiresAt !== null && pat.expiresAt <= deps.clock.now()) throw new TokenRejected('the personal access token has expired');
    return { sid: pat.clientId };
  }
  return { sid: await tokens.verify(credential) };
}
