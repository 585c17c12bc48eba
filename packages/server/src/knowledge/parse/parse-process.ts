import { toAppError } from '@qiao/core';
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
process.once('message', async (message: { input: ParseInput; options: Omit<ParseOptions, 'signal'> }) => {
  let answer: unknown;
  try {
    answer = { ok: true, document: await parseDocument(message.input, message.options) };
  } catch (thrown) {
    const error = toAppError(thrown, 'bad_request');
    answer = { ok: false, error: { code: error.code, message: error.message } };
  }
  process.send?.(answer, () => process.exit(0));
});
