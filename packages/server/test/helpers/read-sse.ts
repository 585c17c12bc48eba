/** One server-sent event as a test sees it: the event name (default 'message') and raw data. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads SSE events from a response body as they arrive. `next()` resolves with the next
 * event or undefined at the end; `cancel()` drops the connection like a closing browser tab.
 */
export function sseReader(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  let ended = false;

  const parse = () => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0 || event !== 'message') queue.push({ event, data: data.join('\n') });
    }
  };

  const next = async (): Promise<SseEvent | undefined> => {
    while (queue.length === 0 && !ended) {
      const { done, value } = await reader.read();
      if (done) ended = true;
      else {
        buffer += value;
        parse();
      }
    }
    return queue.shift();
  };

  const all = async (): Promise<SseEvent[]> => {
    const events: SseEvent[] = [];
    for (let event = await next(); event; event = await next()) events.push(event);
    return events;
  };

  return { next, all, cancel: () => reader.cancel() };
}

/** All events of a finished SSE response, with JSON data parsed. */
export async function readSseJson(res: Response): Promise<{ event: string; data: any }[]> {
  const events = await sseReader(res).all();
  return events.map(({ event, data }) => ({ event, data: data === '[DONE]' ? data : JSON.parse(data) }));
}
