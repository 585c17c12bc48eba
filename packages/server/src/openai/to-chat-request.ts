import type { ChatMessage, ContentPart, ResponseFormat, ToolChoice } from '@qiao/core';
import type { ChatRequest } from '../gateway/gateway';
import type { ChatCompletionRequest, OpenAIMessage } from './chat-completion-request';

/** Maps an OpenAI request onto the gateway's request; `signal` and the origin are the caller's. */
export function toChatRequest(body: ChatCompletionRequest): Omit<ChatRequest, 'source' | 'signal'> {
  return {
    model: body.model,
    messages: body.messages.map(toChatMessage),
    tools: body.tools?.map(({ function: f }) => ({
      name: f.name,
      description: f.description,
      parameters: f.parameters ?? { type: 'object', properties: {} },
    })),
    toolChoice: toToolChoice(body.tool_choice),
    responseFormat: toResponseFormat(body.response_format),
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stop: typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined),
    seed: body.seed ?? undefined,
  };
}

function toChatMessage(message: OpenAIMessage): ChatMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: joinText(message.content) };
    case 'user':
      return {
        role: 'user',
        content: typeof message.content === 'string' ? message.content : message.content.map(toContentPart),
        ...(message.name ? { name: message.name } : {}),
      };
    case 'assistant':
      return {
        role: 'assistant',
        content: Array.isArray(message.content)
          ? message.content.map((part) => (part.type === 'text' ? part.text : part.refusal)).join('')
          : (message.content ?? ''),
        ...(message.tool_calls?.length
          ? {
              toolCalls: message.tool_calls.map((call) => ({
                id: call.id,
                name: call.function.name,
                arguments: call.function.arguments,
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', content: joinText(message.content), toolCallId: message.tool_call_id };
  }
}

type UserPart = Extract<OpenAIMessage, { role: 'user' }>['content'] extends string | (infer P)[] ? P : never;

function toContentPart(part: UserPart): ContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const mediaType = /^data:([^;,]+)[;,]/.exec(part.image_url.url)?.[1];
  return { type: 'image', url: part.image_url.url, ...(mediaType ? { mediaType } : {}) };
}

function joinText(content: string | { text: string }[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

function toToolChoice(choice: ChatCompletionRequest['tool_choice']): ToolChoice | undefined {
  if (choice === undefined || typeof choice === 'string') return choice;
  return { name: choice.function.name };
}

function toResponseFormat(format: ChatCompletionRequest['response_format']): ResponseFormat | undefined {
  if (format?.type !== 'json_schema') return format;
  const { name, schema, strict } = format.json_schema;
  return { type: 'json_schema', name, schema: schema ?? {}, ...(strict != null ? { strict } : {}) };
}
