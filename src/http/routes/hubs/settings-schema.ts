/** The shape of hub settings (management-sdk.md §4.1); sections not listed here are ignored. */
const hostname = { type: 'object', properties: { hostname: { type: 'string' } } };

export const hubSettingsSchema = {
  type: 'object',
  properties: {
    virtualStagingEnvironment: hostname,
    previewVirtualStagingEnvironment: hostname,
    applications: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'templatedUri'],
        properties: { name: { type: 'string', minLength: 1 }, templatedUri: { type: 'string', minLength: 1 } },
      },
    },
    devices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'width', 'height'],
        properties: {
          name: { type: 'string', minLength: 1 },
          width: { type: 'integer', minimum: 1 },
          height: { type: 'integer', minimum: 1 },
          orientate: { type: 'boolean' },
        },
      },
    },
    localization: {
      type: 'object',
      required: ['locales'],
      properties: { locales: { type: 'array', items: { type: 'string' } } },
    },
    contentItems: {
      type: 'object',
      properties: {
        validation: { type: 'object', properties: { ignoreSchemaValidation: { type: 'boolean' } } },
      },
    },
    publishing: { type: 'object' },
  },
} as const;
