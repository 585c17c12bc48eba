import type { ChatMessage, PiiHit, PiiVault } from '@qiao/core';
import type { ChatRequest } from './gateway';
import { redactSegments } from './redact-segments';

export interface RedactedChat {
  request: ChatRequest;
  hits: PiiHit[];
  /** tool names as sent (`notify_PHONE_1`) → as declared, to name the model's calls back */
  toolNames: Map<string, string>;
}

/**
 * Everything of a chat request that a cloud model reads, with personal data replaced by the
 * vault's placeholders: the thread's text (searched across parts and messages), tool-call
 * arguments, tool names, descriptions and schemas, stop sequences and the response schema.
 */
export function redactChatRequest(request: ChatRequest, vault: PiiVault): RedactedChat {
  const hits: PiiHit[] = [];
  const one = (text: string) => {
    const result = redactSegments([text], vault);
    hits.push(...result.hits);
    return result.segments[0]!;
  };
  const toolNames = new Map<string, string>();
  const name = (original: string) => {
    // tool names allow [a-zA-Z0-9_-] only: the placeholder loses its brackets there
    const sent = one(original).replace(/\[([A-Z]+_\d+)\]/g, '$1');
    if (sent !== original) toolNames.set(sent, original);
    return sent;
  };
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') return one(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [one(key), json(inner)]));
    return value;
  };

  const messages = redactThread(request.messages, vault, hits).map((message) => ({
    ...message,
    ...(message.name ? { name: name(message.name) } : {}),
    ...(message.toolCalls
      ? {
          toolCalls: message.toolCalls.map((call) => ({
            ...call,
            name: name(call.name),
            arguments: one(call.arguments),
          })),
        }
      : {}),
  }));
  const out: ChatRequest = { ...request, messages };
  if (request.tools)
    out.tools = request.tools.map((tool) => ({
      name: name(tool.name),
      ...(tool.description === undefined ? {} : { description: one(tool.description) }),
      parameters: json(tool.parameters) as Record<string, unknown>,
    }));
  if (typeof request.toolChoice === 'object') out.toolChoice = { name: name(request.toolChoice.name) };
  if (request.stop) out.stop = request.stop.map(one);
  const format = request.responseFormat;
  if (format?.type === 'json_schema')
    out.responseFormat = {
      ...format,
      ...(format.name ? { name: name(format.name) } : {}),
      schema: json(format.schema) as Record<string, unknown>,
    };
  return { request: out, hits, toolNames };
}

/** The text of every message as one run of pieces, so a value split between them is found. */
function redactThread(messages: readonly ChatMessage[], vault: PiiVault, hits: PiiHit[]): ChatMessage[] {
  const pieces: string[] = [];
  for (const message of messages) {
    if (typeof message.content === 'string') pieces.push(message.content);
    else for (const part of message.content) if (part.type === 'text') pieces.push(part.text);
  }
  const result = redactSegments(pieces, vault);
  hits.push(...result.hits);
  let next = 0;
  return messages.map((message) => {
    if (typeof message.content === 'string') return { ...message, content: result.segments[next++]! };
    const content = message.content.map((part) =>
      part.type === 'text' ? { ...part, text: result.segments[next++]! } : part,
    );
    return { ...message, content };
  });
}
