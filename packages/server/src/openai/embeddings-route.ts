import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';

const embeddingsRequest = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export function embeddingsRoute(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/embeddings', async (c) => {
    const body = await readJson(c, embeddingsRequest);
    const auth = c.get('auth');
    const result = await deps.gateway.embed({
      model: body.model,
      input: typeof body.input === 'string' ? [body.input] : body.input,
      dimensions: body.dimensions,
      source: 'v1',
      userId: auth.userId,
      apiKeyId: auth.apiKeyId,
      signal: c.req.raw.signal,
    });
    const base64 = body.encoding_format === 'base64';
    return c.json({
      object: 'list',
      data: result.embeddings.map((vector, index) => ({
        object: 'embedding',
        index,
        // base64 is little-endian float32, as OpenAI sends it
        embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
      })),
      model: result.model,
      usage: { prompt_tokens: result.usage.inputTokens, total_tokens: result.usage.inputTokens },
    });
  });

  return app;
}
