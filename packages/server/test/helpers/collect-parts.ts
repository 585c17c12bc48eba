import type { ChatStreamPart } from '@qiao/core';
import type { ChatRequest, Gateway } from '../../src/gateway/gateway';

/** Runs one gateway stream to its end and returns every part it yielded. */
export async function collectParts(gateway: Gateway, request: ChatRequest): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of gateway.stream(request)) parts.push(part);
  return parts;
}
