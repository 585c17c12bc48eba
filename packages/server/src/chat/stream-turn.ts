import { randomUUID } from 'node:crypto';
import {
  type ChatEvent,
  type ChatStreamPart,
  type FinishReason,
  type ToolCall,
  toAppError,
  type Usage,
} from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { saveTurn, type TurnRecord } from './message-store';

export interface StreamTurnInput {
  deps: AppDeps;
  stream: AsyncIterable<ChatStreamPart>;
  record: Omit<TurnRecord, 'assistant'>;
  /** the user message the answer belongs to */
  parentId: string;
  model: string;
  signal: AbortSignal;
  /** called once the outcome is settled (stored or failed), before the last event is written */
  onSettled: () => void;
}

export type TurnEvents = AsyncIterable<ChatEvent>;

const aborted = Symbol('aborted');

/**
 * Turns the model's stream into chat events and stores the turn at the end: complete when
 * the model finished, stopped (with the partial answer) when the signal fired, nothing at
 * all when the model failed.
 */
export async function* streamTurn(input: StreamTurnInput): TurnEvents {
  const { stream, signal, record } = input;
  const assistantMessageId = randomUUID();
  const iterator = stream[Symbol.asyncIterator]();
  const abortedPromise = new Promise<typeof aborted>((resolve) => {
    if (signal.aborted) resolve(aborted);
    else signal.addEventListener('abort', () => resolve(aborted), { once: true });
  });
  let model = input.model;
  let started = false;
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  let usage: Usage | null = null;
  let finishReason: FinishReason = 'other';

  const startEvent = (): ChatEvent => {
    started = true;
    const userMessageId = input.parentId;
    return {
      event: 'start',
      data: { conversationId: record.conversationId, userMessageId, assistantMessageId, model },
    };
  };

  try {
    for (;;) {
      // Racing the abort means a stop never waits for the provider's next byte.
      const next = await Promise.race([iterator.next(), abortedPromise]);
      if (next === aborted || next.done) break;
      const part = next.value;
      if (part.type === 'start') model = part.model;
      if (!started) yield startEvent();
      switch (part.type) {
        case 'text-delta':
          text += part.text;
          yield { event: 'delta', data: { text: part.text } };
          break;
        case 'reasoning-delta':
          reasoning += part.text;
          yield { event: 'reasoning', data: { text: part.text } };
          break;
        case 'tool-call':
          toolCalls.push({ id: part.id, name: part.name, arguments: part.arguments });
          yield { event: 'tool_call', data: { id: part.id, name: part.name, arguments: part.arguments } };
          break;
        case 'usage':
          usage = part.usage;
          yield { event: 'usage', data: { ...pickUsage(part.usage), costUsd: part.costUsd ?? null } };
          break;
        case 'finish':
          finishReason = part.reason;
          break;
        case 'error':
          if (signal.aborted) break;
          input.onSettled();
          yield { event: 'error', data: { code: part.error.code, message: part.error.message } };
          return;
      }
      if (signal.aborted) break;
    }
  } catch (error) {
    // The gateway promises not to throw; if something does anyway, the client still hears of it.
    if (!signal.aborted) {
      const { code, message } = toAppError(error);
      input.onSettled();
      yield { event: 'error', data: { code, message } };
      return;
    }
  }

  const stopped = signal.aborted;
  if (stopped) {
    // Not awaited: a generator busy awaiting the provider only returns after its pending next().
    iterator.return?.()?.catch(() => {});
    finishReason = 'cancelled';
  }
  if (!started) yield startEvent();
  try {
    await saveTurn(input.deps.database.db, {
      ...record,
      assistant: {
        id: assistantMessageId,
        parentId: input.parentId,
        content: text,
        reasoning: reasoning || null,
        toolCalls: toolCalls.length > 0 ? toolCalls : null,
        model,
        status: stopped ? 'stopped' : 'complete',
        usage,
      },
    });
  } catch (error) {
    const { code, message } = toAppError(error);
    input.onSettled();
    yield { event: 'error', data: { code, message: `The answer could not be saved: ${message}` } };
    return;
  }
  // Settling before the last write lets a stop request return without waiting on a slow reader.
  input.onSettled();
  yield { event: 'done', data: { messageId: assistantMessageId, finishReason } };
}

function pickUsage(usage: Usage): Pick<Usage, 'inputTokens' | 'outputTokens' | 'totalTokens'> {
  return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens };
}
