import { AppError } from '@qiao/core';
import type { z } from 'zod';
import { assertPlainInput } from './assert-plain-input';

/**
 * Validates any request input; the first issue becomes a one-line 400 message. Every body and
 * query passes here, so NUL characters and runaway nesting are refused here too, before zod.
 */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  assertPlainInput(value);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('validation_failed', `${where}${issue.message}`, {
    details: { issues: parsed.error.issues },
  });
}
