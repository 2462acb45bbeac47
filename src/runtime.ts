import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, Ids } from './domain/ports.js';

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};

let counter = randomBytes(3).readUIntBE(0, 3);
const processRandom = randomBytes(5).toString('hex');

/**
 * 24-hex ids in the layout of the vendor's ids (a MongoDB ObjectId: seconds, per-process random, counter),
 * so they sort by creation time like the real service's do.
 */
export const randomIds: Ids = {
  objectId() {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
    return seconds + processRandom + counter.toString(16).padStart(6, '0');
  },
  uuid: () => randomUUID(),
};
