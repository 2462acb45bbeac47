/** Stable error codes of the domain; `src/http/errors.ts` maps them to statuses and the vendor body. */
export type ErrorCode = 'NotFound' | 'Conflict' | 'Invalid' | 'Forbidden' | 'LimitExceeded' | 'Unsupported';

/** One entry of the vendor error body (003 "Error Response Format"). */
export interface ErrorDetail {
  entity?: string;
  property?: string;
  invalidValue?: unknown;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[],
  ) {
    super(details.map((d) => d.message).join('; '));
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string, id: string): DomainError =>
  new DomainError('NotFound', [{ entity, property: 'id', invalidValue: id, message: `${entity} not found` }]);

export const conflict = (detail: ErrorDetail): DomainError => new DomainError('Conflict', [detail]);

export const invalid = (detail: ErrorDetail | ErrorDetail[]): DomainError =>
  new DomainError('Invalid', Array.isArray(detail) ? detail : [detail]);

/** An optimistic-concurrency failure: the caller based its change on an older version. */
export const staleVersion = (entity: string, given: unknown, current: number): DomainError =>
  conflict({
    entity,
    property: 'version',
    invalidValue: given,
    message: `version ${String(given)} is not the current version (${current}); fetch the ${entity} again and retry`,
  });
