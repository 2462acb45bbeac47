/**
 * One place that turns any failure into the vendor's error body (003 "Error Response Format"):
 * `{"errors":[{"entity"?,"property"?,"invalidValue"?,"message"}]}` with the status of 003's table.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type ErrorDetail } from '../domain/errors.js';
import { TokenRejected } from '../auth/tokens.js';

const STATUS: Record<ErrorCode, number> = {
  Invalid: 400,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  LimitExceeded: 429,
  Unsupported: 400,
};

/** The status a domain error is answered with. */
export const errorStatus = (error: DomainError): number => STATUS[error.code];

/** An HTTP-level refusal (401, 405, 406, 415 …) raised outside the domain. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const HAL_JSON = 'application/hal+json;charset=UTF-8';

export function errorBody(details: ErrorDetail[]) {
  return { errors: details };
}

/** ajv's errors for a request part → error details naming the property and the offending value. */
function validationDetails(error: FastifyError): ErrorDetail[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const pointer = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const property = [pointer, missing].filter(Boolean).join('.') || undefined;
    const detail: ErrorDetail = { property, message: `${part}${property ? `.${property}` : ''} ${v.message ?? 'is invalid'}` };
    if (!missing && 'data' in v) detail.invalidValue = (v as { data?: unknown }).data;
    if (!property) delete detail.property;
    return detail;
  });
}

export function sendError(reply: FastifyReply, status: number, details: ErrorDetail[], headers: Record<string, string> = {}) {
  return reply.code(status).headers(headers).type(HAL_JSON).send(errorBody(details));
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) return sendError(reply, errorStatus(error), error.details);
  if (error instanceof HttpError) return sendError(reply, error.status, [{ message: error.message }], error.headers);
  if (error instanceof TokenRejected) {
    return sendError(reply, 401, [{ message: error.message }], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return sendError(reply, 400, validationDetails(fastifyError));
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return sendError(reply, 400, [{ message: `the request body is not valid JSON: ${error.message}` }]);
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = request.headers['content-type'] ?? '(none)';
    return sendError(reply, 415, [{ message: `content type ${type} is not supported; send application/json` }]);
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) return sendError(reply, status, [{ message: error.message }]);
  // A 500 never shows its details; the log has them.
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, [{ message: 'An internal error occurred' }]);
}
