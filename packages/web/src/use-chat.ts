import { useCallback, useRef, useState } from 'react';
import { api, errorFrom } from './api';
import { readSse } from './sse-reader';

export interface UiMessage {
  id: number;
  role: 'user' | 'assistant';
  text: string;
  status: 'streaming' | 'done' | 'stopped' | 'error';
  error?: string;
}

let nextId = 1;

/** One conversation: created on the first send, streamed answers appended as they arrive. */
export function useChat() {
  const [messages, setMessages] = useState<UiMessage[]>([]);
  const [streaming, setStreaming] = useState(false);
  const conversationId = useRef<string | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);

  const patch = useCallback((id: number, change: (m: UiMessage) => Partial<UiMessage>) => {
    setMessages((list) => list.map((m) => (m.id === id ? { ...m, ...change(m) } : m)));
  }, []);

  const send = useCallback(
    async (content: string, model: string) => {
      const answerId = nextId + 1;
      nextId += 2;
      setMessages((list) => [
        ...list,
        { id: answerId - 1, role: 'user', text: content, status: 'done' },
        { id: answerId, role: 'assistant', text: '', status: 'streaming' },
      ]);
      setStreaming(true);
      const controller = new AbortController();
      abort.current = controller;
      try {
        conversationId.current ??= idOf(await api<unknown>('/api/conversations', { body: { model } }));
        const response = await fetch(`/api/conversations/${conversationId.current}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify({ content, model }),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw await errorFrom(response);
        for await (const { event, data } of readSse(response.body)) {
          if (event === 'delta') {
            const { text } = JSON.parse(data) as { text: string };
            patch(answerId, (m) => ({ text: m.text + text }));
          } else if (event === 'error') {
            const { message } = JSON.parse(data) as { code: string; message: string };
            patch(answerId, () => ({ status: 'error', error: message }));
          } else if (event === 'done') {
            const { finishReason } = safeParse(data) as { finishReason?: string };
            const status = finishReason === 'cancelled' ? 'stopped' : 'done';
            patch(answerId, (m) => ({ status: m.status === 'streaming' ? status : m.status }));
          }
        }
        patch(answerId, (m) => ({ status: m.status === 'streaming' ? 'done' : m.status }));
      } catch (caught) {
        if (controller.signal.aborted) patch(answerId, () => ({ status: 'stopped' }));
        else
          patch(answerId, () => ({
            status: 'error',
            error: caught instanceof Error ? caught.message : String(caught),
          }));
      } finally {
        if (abort.current === controller) abort.current = undefined;
        setStreaming(false);
      }
    },
    [patch],
  );

  const stop = useCallback(async () => {
    const controller = abort.current;
    const id = conversationId.current;
    if (!controller) return;
    // The server ends the stream with `done`; abort only if it does not in time.
    const fallback = setTimeout(() => controller.abort(), 3_000);
    controller.signal.addEventListener('abort', () => clearTimeout(fallback));
    if (id) await api(`/api/conversations/${id}/stop`, { method: 'POST' }).catch(() => controller.abort());
  }, []);

  const reset = useCallback(() => {
    abort.current?.abort();
    conversationId.current = undefined;
    setMessages([]);
  }, []);

  return { messages, streaming, send, stop, reset };
}

function idOf(body: unknown): string {
  const value = body as { id?: string; conversation?: { id?: string } };
  const id = value.id ?? value.conversation?.id;
  if (!id) throw new Error('The server did not return a conversation id');
  return id;
}

function safeParse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return {};
  }
}
