import type { ChatEventMap, ChatEventName } from '@qiao/core';
import type { UiMessage } from './thread';

/**
 * What a streamed chat event changes in the answer it belongs to, or undefined for events that
 * concern the conversation instead (start, title, done, error: the store handles those).
 */
export function answerChange(
  answer: UiMessage,
  event: ChatEventName,
  data: unknown,
): Partial<UiMessage> | undefined {
  switch (event) {
    case 'delta':
      return { text: answer.text + (data as ChatEventMap['delta']).text };
    case 'reasoning':
      return { reasoning: answer.reasoning + (data as ChatEventMap['reasoning']).text };
    case 'tool_call':
      return { toolCalls: [...answer.toolCalls, data as ChatEventMap['tool_call']] };
    case 'tool_result': {
      const { id, ok, content, sources } = data as ChatEventMap['tool_result'];
      return {
        toolCalls: answer.toolCalls.map((call) =>
          call.id === id ? { ...call, result: { ok, content, sources } } : call,
        ),
      };
    }
    case 'sources':
      return { sources: (data as ChatEventMap['sources']).sources };
    default:
      return undefined;
  }
}
