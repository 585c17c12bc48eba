import { AppError } from '@qiao/core';
import type { z } from 'zod';

/** Validates any request input; the first issue becomes a one-line 400 message. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('validation_failed', `${where}${issue.message}`, {
    details: { issues: parsed.error.issues },
  });
}
