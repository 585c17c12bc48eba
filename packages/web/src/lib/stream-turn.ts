import type { ChatEventMap, ChatEventName } from '@qiao/core';
import { errorFrom } from './api';
import { readSse } from './sse-reader';

export type ChatEventHandler = <K extends ChatEventName>(event: K, data: ChatEventMap[K]) => void;

/** POSTs a chat turn and hands each server-sent chat event to `onEvent` until the stream ends. */
export async function streamTurn(
  path: string,
  body: unknown,
  onEvent: ChatEventHandler,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      // the UI language: built-in agents answer in it (I18nProvider keeps <html lang> current)
      'Accept-Language': document.documentElement.lang || navigator.language,
    },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok || !response.body) throw await errorFrom(response);
  for await (const { event, data } of readSse(response.body)) {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      continue;
    }
    onEvent(event as ChatEventName, payload as ChatEventMap[ChatEventName]);
  }
}
