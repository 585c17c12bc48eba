import { AppError } from '@qiao/core';

/**
 * A database refusal caused by the request's own values, as the client's error: SQLSTATE class
 * 22 (data exception: a NUL character in text, a number out of range, an invalid date) is a
 * 400, class 23 unique violations a 409. Found by fuzzing (access/endpoint-fuzz.test.ts):
 * these were 500s that echoed the SQL. Other database failures stay internal.
 */
export function databaseInputError(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
      return new AppError('bad_request', `A value in the request cannot be stored: ${current.message}`, {
        cause: error,
      });
    }
    if (code === '23505') {
      return new AppError('conflict', 'Something with the same unique value already exists', {
        cause: error,
      });
    }
    current = current.cause;
  }
  return undefined;
}
