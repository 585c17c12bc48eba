import { expect, test } from 'vitest';
import { readSse, type SseEvent } from './sse-reader';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(streamOf(chunks))) events.push(event);
  return events;
}

test('events split across chunks, CRLF, comments and multi-line data', async () => {
  const events = await collect([
    ': keep-alive\n\nevent: sta',
    'rt\ndata: {"model":"m"}\n\n',
    'event: delta\r\ndata: {"text":"你',
    '好"}\r\n\r',
    '\n',
    'data: line one\ndata: line two\n\n',
  ]);
  expect(events).toEqual([
    { event: 'start', data: '{"model":"m"}' },
    { event: 'delta', data: '{"text":"你好"}' },
    { event: 'message', data: 'line one\nline two' },
  ]);
});

test('a multi-byte character split between chunks survives', async () => {
  const bytes = new TextEncoder().encode('event: delta\ndata: 桥\n\n');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, 20));
      controller.enqueue(bytes.slice(20));
      controller.close();
    },
  });
  const events: SseEvent[] = [];
  for await (const event of readSse(stream)) events.push(event);
  expect(events).toEqual([{ event: 'delta', data: '桥' }]);
});
