import { Readable } from 'node:stream';

/**
 * The chunks of a Node stream, read with `read()` as they are buffered. `for await` over a
 * Readable builds its iterator on `finished()` and a promise per chunk: measured here at
 * 0.16 ms to the first buffered chunk against 0.01 ms this way — on the path of every first
 * token. Like the stream's own iterator, an early exit destroys the stream.
 */
export async function* readChunks(stream: Readable | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!(stream instanceof Readable)) {
    yield* stream;
    return;
  }
  try {
    for (;;) {
      for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) yield chunk;
      if (stream.readableEnded) return;
      if (stream.errored) throw stream.errored;
      if (stream.destroyed) throw prematureClose();
      await nextEvent(stream);
    }
  } finally {
    if (!stream.readableEnded) stream.destroy();
  }
}

function nextEvent(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      stream.off('readable', settle).off('end', settle).off('error', settle).off('close', settle);
      resolve();
    };
    // errors are read from stream.errored by the caller, in order with the data before them
    stream.on('readable', settle).on('end', settle).on('error', settle).on('close', settle);
  });
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
