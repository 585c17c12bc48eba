export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream body into events. Small on purpose: the server only sends
 * `event:` and `data:` lines, but comments, CRLF and multi-line data are handled per spec.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    while (true) {
      const { value, done } = await reader.read();
      // stream: true keeps a multi-byte character split across chunks intact
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      // The last piece may be half a line (or a lone \r whose \n is still coming).
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const raw = colon === -1 ? '' : line.slice(colon + 1);
          const text = raw.startsWith(' ') ? raw.slice(1) : raw;
          if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
        }
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
