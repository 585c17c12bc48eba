import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { TurnEvents } from './stream-turn';

/**
 * Writes chat events as SSE. A client that goes away calls `onAbort`, which stops the
 * generation (and so the upstream call); the turn still runs to its end to store the partial.
 */
export function sendChatEvents(
  c: Context,
  events: TurnEvents,
  onAbort: () => void,
  onEnd: () => void,
): Response {
  c.req.raw.signal.addEventListener('abort', onAbort, { once: true });
  return streamSSE(c, async (stream) => {
    stream.onAbort(onAbort);
    try {
      for await (const { event, data } of events) {
        await stream.writeSSE({ event, data: JSON.stringify(data) });
      }
    } finally {
      onEnd();
    }
  });
}
