import { AppError } from '@qiao/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/** Validates the query string like readJson validates bodies. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new AppError('validation_failed', `${where}${issue.message}`, {
      details: { issues: parsed.error.issues },
    });
  }
  return parsed.data;
}
