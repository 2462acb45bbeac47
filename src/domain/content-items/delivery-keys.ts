/**
 * Delivery key rules (003 "Assigning a Delivery Key"): 1–150 characters of letters, digits, `-`, `_`
 * and `/`, not starting with `/`, never `//`, not ending with `/`. Unique within a hub (the store's
 * unique index enforces that).
 */
export const DELIVERY_KEY_MAX = 150;
const SHAPE = /^(?!.*\/\/)[A-Za-z0-9_-]+[A-Za-z0-9_\-/]*$/;

/** Why `key` is not a valid delivery key, or undefined when it is. */
export function deliveryKeyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string') return 'a delivery key must be a string';
  if (key.length < 1 || key.length > DELIVERY_KEY_MAX) return `a delivery key must be 1 to ${DELIVERY_KEY_MAX} characters`;
  if (key.startsWith('/')) return 'a delivery key must not start with /';
  if (key.endsWith('/')) return 'a delivery key must not end with /';
  if (key.includes('//')) return 'a delivery key must not contain //';
  if (!SHAPE.test(key)) return 'a delivery key may only contain letters, digits, -, _ and /';
  return undefined;
}
