/** The fields a workflow state body may carry (management-sdk.md §4.9). */
export const workflowStateBody = { type: 'object', properties: { label: { type: 'string' }, color: { type: 'string' } } } as const;
