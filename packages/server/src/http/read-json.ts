import { AppError } from '@qiao/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { parseWith } from './parse-with';

/** Parses and validates a JSON body; malformed JSON and schema failures become 400s. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new AppError('bad_request', 'Request body is not valid JSON', { cause: error });
  }
  return parseWith(schema, body);
}
