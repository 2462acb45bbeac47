/** Content type settings (management-sdk.md §4.4): label, icons, visualizations, cards. */
const uriEntry = {
  type: 'object',
  required: ['label', 'templatedUri'],
  properties: { label: { type: 'string' }, templatedUri: { type: 'string' }, default: { type: 'boolean' } },
};

export const contentTypeSettingsSchema = {
  type: 'object',
  properties: {
    label: { type: 'string' },
    icons: {
      type: 'array',
      items: { type: 'object', required: ['size', 'url'], properties: { size: { type: 'integer' }, url: { type: 'string' } } },
    },
    visualizations: { type: 'array', items: uriEntry },
    cards: { type: 'array', items: uriEntry },
  },
} as const;
