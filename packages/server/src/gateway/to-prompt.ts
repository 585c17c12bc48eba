import type {
  LanguageModelV3FilePart,
  LanguageModelV3Prompt,
  LanguageModelV3TextPart,
} from '@ai-sdk/provider';
import { type ChatMessage, type ContentPart, messageText } from '@qiao/core';

/** Qiao's OpenAI-like messages to the AI SDK V3 prompt (tool arguments parsed from JSON text). */
export function toPrompt(messages: readonly ChatMessage[], extraSystem?: string): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = [];
  const toolNames = new Map<string, string>();
  if (extraSystem) prompt.push({ role: 'system', content: extraSystem });
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        prompt.push({ role: 'system', content: messageText(message) });
        break;
      case 'user':
        prompt.push({ role: 'user', content: userParts(message.content) });
        break;
      case 'assistant': {
        const text = messageText(message);
        const content: Extract<LanguageModelV3Prompt[number], { role: 'assistant' }>['content'] = text
          ? [{ type: 'text', text }]
          : [];
        for (const call of message.toolCalls ?? []) {
          toolNames.set(call.id, call.name);
          content.push({
            type: 'tool-call',
            toolCallId: call.id,
            toolName: call.name,
            input: parseArguments(call.arguments),
          });
        }
        prompt.push({ role: 'assistant', content });
        break;
      }
      case 'tool': {
        const toolCallId = message.toolCallId ?? '';
        const toolName = message.name ?? toolNames.get(toolCallId) ?? 'tool';
        const part = {
          type: 'tool-result' as const,
          toolCallId,
          toolName,
          output: { type: 'text' as const, value: messageText(message) },
        };
        const previous = prompt.at(-1);
        // consecutive tool results belong to one tool turn (Anthropic requires it)
        if (previous?.role === 'tool') previous.content.push(part);
        else prompt.push({ role: 'tool', content: [part] });
        break;
      }
    }
  }
  return prompt;
}

function userParts(content: string | ContentPart[]): (LanguageModelV3TextPart | LanguageModelV3FilePart)[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part) =>
    part.type === 'text' ? { type: 'text', text: part.text } : imagePart(part.url, part.mediaType),
  );
}

function imagePart(url: string, mediaType?: string): LanguageModelV3FilePart {
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(url);
  if (data) {
    const base64 = data[2]
      ? (data[3] ?? '')
      : Buffer.from(decodeURIComponent(data[3] ?? '')).toString('base64');
    return { type: 'file', mediaType: mediaType ?? data[1] ?? 'image/png', data: base64 };
  }
  return { type: 'file', mediaType: mediaType ?? 'image/*', data: new URL(url) };
}

/** Models sometimes produce invalid JSON; pass it on as text rather than dropping the call. */
function parseArguments(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
