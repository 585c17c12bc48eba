import { type ChatStreamPart, toAppError } from '@qiao/core';
import type { ChatRequest, Gateway } from '../gateway/gateway';
import type { ChatGuard, GuardContext } from './chat-guard';

/**
 * Runs the input guards (a refusal throws here, before any response is sent), then returns
 * the gateway's stream wrapped by the output guards. Like the gateway's own stream, the
 * result never throws while iterating: a failing guard becomes an `error` part.
 */
export async function openGuardedStream(
  gateway: Gateway,
  guards: readonly ChatGuard[] | undefined,
  request: ChatRequest,
  extra: Pick<GuardContext, 'conversationId' | 'policy'> = {},
): Promise<AsyncIterable<ChatStreamPart>> {
  if (!guards || guards.length === 0) return gateway.stream(request);
  const ctx: GuardContext = {
    source: request.source,
    userId: request.userId,
    apiKeyId: request.apiKeyId,
    model: request.model,
    signal: request.signal,
    ...extra,
  };
  let messages = request.messages;
  for (const guard of guards) {
    if (guard.checkInput) messages = await guard.checkInput(messages, ctx);
  }
  // ctx.model: an input guard may have rerouted the call (personal data → a local model)
  let stream = gateway.stream({ ...request, model: ctx.model, messages });
  for (let i = guards.length - 1; i >= 0; i--) {
    const guard = guards[i]!;
    if (guard.transformOutput) stream = guard.transformOutput(stream, ctx);
  }
  return neverThrowing(stream);
}

async function* neverThrowing(stream: AsyncIterable<ChatStreamPart>): AsyncIterable<ChatStreamPart> {
  try {
    yield* stream;
  } catch (error) {
    const { code, message } = toAppError(error);
    yield { type: 'error', error: { code, message } };
  }
}
