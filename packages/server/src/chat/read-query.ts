import type { Context } from 'hono';
import type { z } from 'zod';
import { parseWith } from '../http/parse-with';

/** Validates the query string like readJson validates bodies. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  return parseWith(schema, c.req.query());
}
