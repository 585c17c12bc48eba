import type { ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';

export interface EventStreamOptions {
  /** extra response headers (content type and caching are set here) */
  headers?: Record<string, string>;
  /** the client went away before the stream ended */
  onClose: () => void;
}

const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};

/**
 * Sends already-serialized SSE text. On Node it writes straight to the socket: the adapter's
 * Web-stream path flushes the headers in a packet of their own and adds a ReadableStream and
 * a read loop per response, which on loopback was a third of Qiao's time to first token.
 * Without a Node response (tests calling `app.request`) the same chunks become a Web stream.
 * Headers a middleware set with c.header() are not sent: pass them in `headers`. (Reading
 * c.res here would make hono clone the reply into one the adapter writes again.)
 */
export function sendEventStream(
  c: Context,
  chunks: AsyncIterable<string>,
  options: EventStreamOptions,
): Response {
  const headers = { ...sseHeaders, ...options.headers };
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (!(outgoing && 'writeHead' in outgoing)) {
    return new Response(toReadableStream(chunks, options.onClose), { status: 200, headers });
  }
  outgoing.writeHead(200, headers);
  void pump(outgoing, chunks[Symbol.asyncIterator](), options.onClose);
  return RESPONSE_ALREADY_SENT;
}

/**
 * Producers always run to their end (a chat turn stores its partial answer after a stop);
 * a client that leaves only gets `onClose` called and the rest is read without being sent.
 */
async function pump(outgoing: ServerResponse, iterator: AsyncIterator<string>, onClose: () => void) {
  let closed = false;
  let wakeWriter: (() => void) | undefined;
  const onEarlyClose = () => {
    if (outgoing.writableFinished) return;
    closed = true;
    wakeWriter?.();
    onClose();
  };
  outgoing.once('close', onEarlyClose);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (closed) continue;
      // The first write carries the headers too: one packet for headers and the first token.
      if (!outgoing.write(next.value) && !closed) {
        await new Promise<void>((resolve) => {
          wakeWriter = resolve;
          outgoing.once('drain', resolve);
        });
        outgoing.off('drain', wakeWriter!);
      }
    }
  } catch {
    // Producers end their streams with an error event themselves; a throw here is a bug
    // upstream, and the truncated stream is the most honest thing left to send.
    closed = true;
    outgoing.destroy();
  } finally {
    outgoing.off('close', onEarlyClose);
    if (!closed) outgoing.end();
  }
}

function toReadableStream(chunks: AsyncIterable<string>, onClose: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      onClose();
      // as on Node: the producer runs to its end, unheard
      while (!(await iterator.next()).done);
    },
  });
}
