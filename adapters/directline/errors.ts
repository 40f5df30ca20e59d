// Typed Direct Line errors: each carries the HTTP status and the code a client sees, never internals.

/** Codes Seen's Direct Line endpoint answers with, in the `{ error: { code, message } }` body. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'MissingToken'
  | 'BadToken'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'BotError'
  | 'NotSupported'
  | 'ServiceError';

/** A failure with a client-facing status and code; the cause stays server-side for logs. */
export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DirectLineError';
  }

  /** The JSON body sent to the client. */
  toBody(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Thrown by the adapter for operations Direct Line conversations here do not support (edit, delete). */
export class DirectLineUnsupportedError extends Error {
  constructor(operation: string) {
    super(`${operation} is not supported by Seen's Direct Line channel`);
    this.name = 'DirectLineUnsupportedError';
  }
}

/** Maps any error thrown in a request (body-parser, zod, ours) to a safe status and body. */
export function toHttpError(err: unknown): DirectLineError {
  if (err instanceof DirectLineError) return err;
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (e?.type === 'entity.parse.failed') return new DirectLineError(400, 'BadSyntax', 'request body is not valid JSON', { cause: err });
  if (e?.type === 'entity.too.large' || status === 413) return new DirectLineError(413, 'PayloadTooLarge', 'request body is larger than 1 MB', { cause: err });
  if (status === 415) return new DirectLineError(415, 'UnsupportedMediaType', 'unsupported content type', { cause: err });
  if (status >= 400 && status < 500) return new DirectLineError(status, 'BadArgument', 'bad request', { cause: err });
  return new DirectLineError(500, 'ServiceError', 'internal error', { cause: err });
}
