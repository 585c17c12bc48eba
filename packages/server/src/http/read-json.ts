import { AppError } from '@qiao/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/** Parses and validates a JSON body; malformed JSON and schema failures become 400s. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new AppError('bad_request', 'Request body is not valid JSON', { cause: error });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new AppError('validation_failed', `${where}${issue.message}`, {
      details: { issues: parsed.error.issues },
    });
  }
  return parsed.data;
}
