import { APIError } from 'openai';
import { expect, test } from 'vitest';
import { sseChunks } from './sse-chunks';

const encoder = new TextEncoder();

/** The body as the socket delivers it: pieces that cut events (and characters) anywhere. */
async function* body(text: string, cuts: number[], read: { ended: boolean }) {
  const bytes = encoder.encode(text);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(start, cut);
    start = cut;
  }
  read.ended = true;
}

async function collect(text: string, cuts: number[] = [], signal = new AbortController().signal) {
  const read = { ended: false };
  const values: unknown[] = [];
  for await (const value of sseChunks(body(text, cuts, read), new Headers(), signal)) values.push(value);
  return { values, read };
}

test('chunks split anywhere, even inside a character, come out whole; [DONE] ends them but the body is still read', async () => {
  const text = 'data: {"n":1,"t":"你好"}\n\n: comment\n\ndata: {"n":2}\n\ndata: [DONE]\n\ndata: {"n":3}\n\n';
  const { values, read } = await collect(text, [3, 19, 20, 40]);
  expect(values).toEqual([{ n: 1, t: '你好' }, { n: 2 }]);
  expect(read.ended).toBe(true);
});

test('an error payload throws the SDK error the gateway maps', async () => {
  const text = 'data: {"n":1}\n\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n';
  await expect(collect(text)).rejects.toBeInstanceOf(APIError);
  await expect(collect('event: error\ndata: {"message":"bad"}\n\n')).rejects.toBeInstanceOf(APIError);
});

test('a stream aborted by its signal ends without an error', async () => {
  const controller = new AbortController();
  async function* failing() {
    yield encoder.encode('data: {"n":1}\n\n');
    controller.abort();
    throw new Error('aborted');
  }
  const values: unknown[] = [];
  for await (const value of sseChunks(failing(), new Headers(), controller.signal)) values.push(value);
  expect(values).toEqual([{ n: 1 }]);
});
