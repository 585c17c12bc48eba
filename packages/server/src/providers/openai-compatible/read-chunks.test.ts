import { PassThrough, Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { readChunks } from './read-chunks';

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString();

test('reads what is buffered and what arrives later, to the end', async () => {
  const stream = new PassThrough();
  stream.write('a');
  setTimeout(() => stream.end('b'), 5);
  const chunks: Uint8Array[] = [];
  for await (const chunk of readChunks(stream)) chunks.push(chunk);
  expect(text(chunks)).toBe('ab');
});

test('an error after data: the data first, then the error', async () => {
  const stream = new PassThrough();
  stream.write('a');
  const chunks: Uint8Array[] = [];
  const read = (async () => {
    for await (const chunk of readChunks(stream)) {
      chunks.push(chunk);
      setTimeout(() => stream.destroy(new Error('other side closed')), 1);
    }
  })();
  await expect(read).rejects.toThrow('other side closed');
  expect(text(chunks)).toBe('a');
});

test('a stream destroyed without an error is a premature close, not a clean end', async () => {
  const stream = new PassThrough();
  setTimeout(() => stream.destroy(), 1);
  await expect(
    (async () => {
      for await (const _ of readChunks(stream));
    })(),
  ).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
});

test('leaving early destroys the stream, as its own iterator does', async () => {
  const stream = Readable.from(
    ['a', 'b', 'c'].map((s) => Buffer.from(s)),
    { objectMode: false },
  );
  for await (const _ of readChunks(stream)) break;
  expect(stream.destroyed).toBe(true);
});
