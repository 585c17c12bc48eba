import { AppError, type ChatStreamPart } from '@qiao/core';

export interface PeekedStream {
  /** the model that answers, from the gateway's start part */
  model: string | undefined;
  /** the parts read so far (all but `start`), then the rest */
  parts: AsyncIterator<ChatStreamPart>;
}

/**
 * Reads up to the first part that is not `start`. A failure before any output (unknown model,
 * rate limit, provider down) throws, so /v1 answers it with a proper HTTP status the way
 * OpenAI does, instead of a 200 stream that carries an error.
 */
export async function peekStream(stream: AsyncIterable<ChatStreamPart>): Promise<PeekedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  let model: string | undefined;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { model, parts: iterator };
    const part = next.value;
    if (part.type === 'start') {
      model = part.model;
      continue;
    }
    if (part.type === 'error') {
      throw new AppError(
        part.error.code,
        part.error.message,
        part.error.details ? { details: part.error.details } : {},
      );
    }
    return { model, parts: prepend(part, iterator) };
  }
}

function prepend(first: ChatStreamPart, rest: AsyncIterator<ChatStreamPart>): AsyncIterator<ChatStreamPart> {
  let pending: ChatStreamPart | undefined = first;
  return {
    next() {
      if (pending === undefined) return rest.next();
      const value = pending;
      pending = undefined;
      return Promise.resolve({ done: false, value });
    },
    return(value?: unknown) {
      pending = undefined;
      return rest.return ? rest.return(value) : Promise.resolve({ done: true, value: undefined });
    },
  };
}
