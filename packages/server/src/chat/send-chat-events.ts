import type { Context } from 'hono';
import { sendEventStream } from '../http/send-event-stream';
import { runAhead } from './run-ahead';
import type { TurnEvents } from './stream-turn';

/**
 * Writes chat events as SSE. A client that goes away calls `onAbort`, which stops the
 * generation (and so the upstream call); the turn still runs to its end to store the partial.
 * The turn runs ahead of the reader, so neither a slow client nor a stop waits on the other.
 */
export function sendChatEvents(
  c: Context,
  events: TurnEvents,
  onAbort: () => void,
  onEnd: () => void,
): Response {
  c.req.raw.signal.addEventListener('abort', onAbort, { once: true });
  return sendEventStream(c, frames(runAhead(events), onEnd), { onClose: onAbort });
}

async function* frames(events: TurnEvents, onEnd: () => void): AsyncGenerator<string> {
  try {
    // JSON.stringify never emits a raw newline, so each payload fits one `data:` line.
    for await (const { event, data } of events) yield `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  } finally {
    onEnd();
  }
}
