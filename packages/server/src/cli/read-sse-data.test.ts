import { expect, test } from 'vitest';
import { readSseData } from './read-sse-data';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

test('events split across chunks, CRLF, comments and multi-line data', async () => {
  const events: string[] = [];
  const body = streamOf(
    'data: {"a":',
    '1}\r\n\r\n: keep-alive\n\nevent: x\ndata: one\ndata:two\n\n',
    'data: [DONE]',
  );
  for await (const data of readSseData(body)) events.push(data);
  expect(events).toEqual(['{"a":1}', 'one\ntwo', '[DONE]']);
});
