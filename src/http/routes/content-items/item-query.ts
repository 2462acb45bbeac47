/** Query parameters shared by the content item routes. */
export const ignoreSchemaValidationQuery = {
  type: 'object',
  properties: { ignoreSchemaValidation: { type: 'boolean' } },
} as const;

export interface IgnoreSchemaValidation {
  ignoreSchemaValidation?: boolean;
}

export const versionBody = { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } } as const;
