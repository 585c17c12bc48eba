import { AppError } from '@qiao/core';
import type { z } from 'zod';

/** Checks a service's JSON answer against the fields a tool uses; anything else is an upstream error. */
export function parseReply<S extends z.ZodType>(text: string, schema: S, service: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('upstream_error', `${service} did not answer with JSON`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'upstream_error',
      `${service} answered in an unexpected shape (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return parsed.data;
}
