import { AppError, type ChatStreamPart, type FinishReason, type Usage } from '@qiao/core';
import { completionId } from './completion-id';
import { toOpenAIFinishReason } from './finish-reason';
import { toOpenAIUsage } from './openai-usage';

interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** Reads the whole stream into one `chat.completion` object; an error part throws. */
export async function collectCompletion(
  parts: AsyncIterator<ChatStreamPart>,
  model: string,
  id: string = completionId(),
) {
  let text = '';
  let reasoning = '';
  const toolCalls = new Map<number, OpenAIToolCall>();
  let usage: Usage | undefined;
  let finish: FinishReason | undefined;
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === 'text-delta') text += part.text;
    else if (part.type === 'reasoning-delta') reasoning += part.text;
    else if (part.type === 'tool-call-delta') {
      const call = toolCalls.get(part.index) ?? {
        id: part.id,
        type: 'function',
        function: { name: part.name, arguments: '' },
      };
      call.function.arguments += part.argumentsDelta;
      toolCalls.set(part.index, call);
    } else if (part.type === 'tool-call') {
      toolCalls.set(part.index, {
        id: part.id,
        type: 'function',
        function: { name: part.name, arguments: part.arguments },
      });
    } else if (part.type === 'usage') usage = part.usage;
    else if (part.type === 'finish') finish = part.reason;
    else if (part.type === 'start') model = part.model;
    else if (part.type === 'error') {
      throw new AppError(
        part.error.code,
        part.error.message,
        part.error.details ? { details: part.error.details } : {},
      );
    }
  }
  const calls = [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return {
    id,
    object: 'chat.completion' as const,
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: calls.length > 0 && text === '' ? null : text,
          refusal: null,
          ...(calls.length > 0 ? { tool_calls: calls } : {}),
          ...(reasoning ? { reasoning_content: reasoning } : {}),
        },
        logprobs: null,
        finish_reason: toOpenAIFinishReason(finish ?? (calls.length > 0 ? 'tool-calls' : 'stop')),
      },
    ],
    usage: toOpenAIUsage(usage),
  };
}
