import { aigcLabel, aiLabelHeaders } from '@qiao/core';
import { Hono } from 'hono';
import { isAgentModel } from '../agents/agent-chat-request';
import { openAgentStream } from '../agents/agent-completion';
import { requestLanguage } from '../agents/request-language';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { sendEventStream } from '../http/send-event-stream';
import { openGuardedStream } from '../safety/guarded-stream';
import { chatCompletionRequest } from './chat-completion-request';
import { collectCompletion } from './collect-completion';
import { CompletionChunks } from './completion-chunks';
import { completionId } from './completion-id';
import { peekStream } from './peek-stream';
import { streamCompletion } from './stream-completion';
import { toChatRequest } from './to-chat-request';

export function chatCompletionsRoute(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/chat/completions', async (c) => {
    const body = await readJson(c, chatCompletionRequest);
    const auth = c.get('auth');
    // One controller for both ways a client can leave: the request closing, or the body being cancelled.
    const controller = new AbortController();
    const cancel = () => controller.abort();
    c.req.raw.signal.addEventListener('abort', cancel, { once: true });

    const request = toChatRequest(body);
    const origin = {
      source: 'v1' as const,
      userId: auth.userId,
      apiKeyId: auth.apiKeyId,
      signal: controller.signal,
    };
    const { parts, sources } = isAgentModel(body.model)
      ? await openAgentStream(deps, auth, request, origin, requestLanguage(c))
      : { parts: await openGuardedStream(deps.gateway, deps.guards, { ...request, ...origin }) };
    const peeked = await peekStream(parts);
    // an agent answers under its own name, whichever model serves it
    const model = isAgentModel(body.model) ? body.model : (peeked.model ?? body.model);

    // the implicit AI-content label (GB 45438): headers, and an `aigc` field OpenAI clients ignore
    const id = completionId();
    const { AIGC: aigc } = aigcLabel(id);
    const labelHeaders = aiLabelHeaders(id);
    if (!body.stream) {
      for (const [name, value] of Object.entries(labelHeaders)) c.header(name, value);
      // an agent's knowledge-base passages: a `sources` field OpenAI clients ignore (docs/api.md)
      return c.json({
        ...(await collectCompletion(peeked.parts, model, id)),
        aigc,
        ...(sources ? { sources } : {}),
      });
    }

    const includeUsage = body.stream_options?.include_usage === true;
    const created = Math.floor(Date.now() / 1000);
    const chunks = new CompletionChunks({ id, created, model, includeUsage, aigc, sources });
    return sendEventStream(c, streamCompletion({ parts: peeked.parts, chunks, includeUsage }), {
      onClose: cancel,
      headers: labelHeaders,
    });
  });

  return app;
}
