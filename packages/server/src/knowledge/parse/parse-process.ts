import { type ChunkOptions, toAppError } from '@qiao/core';
import { indexableDocument } from './indexable-document';
import { parseDocument, preloadParsers } from './parse-document';
import type { ParseInput, ParseOptions } from './parsed-document';

/**
 * The parser process (parser-process.ts starts it): parses the one document it is sent,
 * answers with the result or the error, and exits. Whatever the document does to this
 * process — an exhausted heap, a frozen loop — the server only sees it end. Started as the
 * spare (--preload), it loads every parser while it waits.
 */
if (process.argv.includes('--preload')) void preloadParsers();
process.on('disconnect', () => process.exit(0)); // the server went away
interface Job {
  input: ParseInput;
  options: Omit<ParseOptions, 'signal'>;
  /** set for knowledge ingestion: answer with chunks instead of sections */
  chunking?: ChunkOptions;
}

process.once('message', async ({ input, options, chunking }: Job) => {
  let answer: unknown;
  try {
    const document = await parseDocument(input, options);
    answer = { ok: true, document: chunking ? indexableDocument(document, chunking) : document };
  } catch (thrown) {
    const error = toAppError(thrown, 'bad_request');
    answer = { ok: false, error: { code: error.code, message: error.message } };
  }
  process.send?.(answer, () => process.exit(0));
});
