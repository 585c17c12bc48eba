import type { ChatTestApp } from './chat-test-app';
import { readSseJson } from './read-sse';

/** Sends one message and reads the whole SSE answer; returns the events and the start ids. */
export async function sendTurn(
  t: ChatTestApp,
  conversationId: string,
  body: Record<string, unknown>,
  key?: string,
) {
  const res = await t.request(`/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    json: body,
    key,
  });
  if (res.status !== 200) throw new Error(`send: ${res.status} ${await res.text()}`);
  const events = await readSseJson(res);
  const start = events.find((e) => e.event === 'start')?.data as {
    userMessageId: string;
    assistantMessageId: string;
  };
  return { events, ...start };
}
