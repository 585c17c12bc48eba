import type {
  LanguageModelV3FilePart,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider';
import type OpenAI from 'openai';

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type UserPart = OpenAI.Chat.Completions.ChatCompletionContentPart;

/**
 * The V3 prompt in OpenAI's chat shape. Reasoning from earlier turns is not sent back:
 * DeepSeek rejects it and the others ignore it.
 */
export function toOpenAIMessages(
  prompt: LanguageModelV3Prompt,
  options: { noEmptyAssistantContent?: boolean },
): Message[] {
  const out: Message[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        out.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        const parts = message.content;
        if (parts.length === 1 && parts[0]?.type === 'text') {
          out.push({ role: 'user', content: parts[0].text });
          break;
        }
        out.push({
          role: 'user',
          content: parts.map(
            (part): UserPart =>
              part.type === 'text'
                ? { type: 'text', text: part.text }
                : { type: 'image_url', image_url: { url: fileUrl(part) } },
          ),
        });
        break;
      }
      case 'assistant': {
        let text = '';
        const toolCalls: OpenAI.Chat.Completions.ChatCompletionMessageToolCall[] = [];
        for (const part of message.content) {
          if (part.type === 'text') text += part.text;
          else if (part.type === 'tool-call') {
            toolCalls.push({
              id: part.toolCallId,
              type: 'function',
              function: {
                name: part.toolName,
                arguments: typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? {}),
              },
            });
          }
        }
        const content = text || (options.noEmptyAssistantContent ? ' ' : toolCalls.length ? null : '');
        out.push({ role: 'assistant', content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          out.push({ role: 'tool', tool_call_id: part.toolCallId, content: outputText(part.output) });
        }
        break;
    }
  }
  return out;
}

function fileUrl(part: LanguageModelV3FilePart): string {
  if (part.data instanceof URL) return part.data.toString();
  const base64 = typeof part.data === 'string' ? part.data : Buffer.from(part.data).toString('base64');
  return `data:${part.mediaType};base64,${base64}`;
}

function outputText(output: LanguageModelV3ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason ?? 'The tool call was denied';
    default:
      return JSON.stringify(output.value);
  }
}
