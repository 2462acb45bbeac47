import { DuplicateKeyError } from '../../domain/ports.js';

/** Runs a write, turning the dialect's unique-constraint failure into the domain's DuplicateKeyError. */
export type Guard = (write: () => Promise<unknown>) => Promise<void>;

export function makeGuard(duplicateKey: (error: unknown) => string | undefined): Guard {
  return async (write) => {
    try {
      await write();
    } catch (error) {
      const key = duplicateKey(error);
      if (key !== undefined) throw new DuplicateKeyError(key);
      throw error;
    }
  };
}
