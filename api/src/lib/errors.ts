/** One error type for the whole API, mapped to RFC 9457 problem details by `onError`. */

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'service_unavailable';

export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
};

export const titleOf: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  service_unavailable: 'Service unavailable',
};

export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure with a stable code; anything else thrown is a bug (500). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Extension members of the problem (RFC 9457 §3.2), e.g. the id of the record a conflict is with. */
    readonly extensions?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 404 for a missing id and for another organisation's id alike. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/** 422 naming one field. */
export const invalidField = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
