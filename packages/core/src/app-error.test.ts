import { expect, test } from 'vitest';
import { AppError, errorStatus, toAppError } from './app-error';

test('every code maps to an HTTP status', () => {
  for (const status of Object.values(errorStatus)) expect(status).toBeGreaterThanOrEqual(400);
});

test('retryability follows the code unless overridden', () => {
  expect(new AppError('rate_limited', 'slow down').isRetryable).toBe(true);
  expect(new AppError('upstream_error', 'bad key', { retryable: false }).isRetryable).toBe(false);
  expect(new AppError('validation_failed', 'no').isRetryable).toBe(false);
});

test('serializes to the REST error body without the cause', () => {
  const error = new AppError('model_not_found', "Unknown model 'x'", {
    cause: new Error('secret detail'),
    details: { validModels: ['a/b'] },
  });
  expect(error.status).toBe(404);
  expect(JSON.parse(JSON.stringify(error))).toEqual({
    code: 'model_not_found',
    message: "Unknown model 'x'",
    details: { validModels: ['a/b'] },
  });
});

test('toAppError keeps AppErrors and wraps the rest', () => {
  const original = new AppError('forbidden', 'no');
  expect(toAppError(original)).toBe(original);
  const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
  expect(toAppError(abort).code).toBe('cancelled');
  const wrapped = toAppError('boom');
  expect(wrapped.code).toBe('internal');
  expect(wrapped.cause).toBe('boom');
});
