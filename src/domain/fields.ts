/** Small shared rules for request bodies: PATCH field picking, labels, names. */
import { invalid } from './errors.js';

/**
 * The fields of `body` that a PATCH may change, present or not (003 "Guidance on using HTTP PATCH":
 * named top-level fields are overwritten, omitted ones kept, nested objects replaced whole).
 * Everything else in the body — ids, dates, `_links`, echoes of read-only fields — is ignored.
 */
export function patchable<K extends string>(body: Record<string, unknown>, fields: readonly K[]): Partial<Record<K, unknown>> {
  const picked: Partial<Record<K, unknown>> = {};
  for (const field of fields) {
    if (Object.prototype.hasOwnProperty.call(body, field) && body[field] !== undefined) picked[field] = body[field];
  }
  return picked;
}

export function requireText(entity: string, property: string, value: unknown, max = 255): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid({ entity, property, invalidValue: value ?? null, message: `${property} must not be blank` });
  }
  if (value.length > max) {
    throw invalid({ entity, property, invalidValue: value, message: `${property} must be at most ${max} characters` });
  }
  return value;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Hub and repository names are URL-safe slugs (they appear in delivery hostnames and exports). */
export function requireName(entity: string, value: unknown): string {
  const name = requireText(entity, 'name', value, 64);
  if (!NAME.test(name)) {
    throw invalid({
      entity,
      property: 'name',
      invalidValue: value,
      message: 'name must contain only lower-case letters, digits and hyphens, and start with a letter or digit',
    });
  }
  return name;
}

/** `ll`, `ll-CC`, `ll-Scrp-CC` and the like (BCP 47 language tags as the vendor's locales use them). */
export const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function requireLocales(entity: string, property: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid({ entity, property, invalidValue: value, message: `${property} must be an array of locales` });
  const seen = new Set<string>();
  for (const locale of value) {
    if (typeof locale !== 'string' || !LOCALE.test(locale)) {
      throw invalid({ entity, property, invalidValue: locale, message: `${property} holds an invalid locale, expected a language tag like en-GB` });
    }
    if (seen.has(locale)) throw invalid({ entity, property, invalidValue: locale, message: `${property} lists ${locale} twice` });
    seen.add(locale);
  }
  return value as string[];
}
