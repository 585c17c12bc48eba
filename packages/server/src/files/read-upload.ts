import { AppError } from '@qiao/core';
import type { Context } from 'hono';
import { assertPlainInput } from '../http/assert-plain-input';

/** Room for the multipart boundaries and headers around the file itself. */
export const multipartOverheadBytes = 64 * 1024;

/** The `file` field of a multipart upload, refused with 413 when over `maxBytes`. */
export async function readUpload(c: Context, maxBytes: number): Promise<File> {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data'))
    throw new AppError(
      'unsupported_media_type',
      'Send the file as multipart/form-data in a field named "file"',
    );
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch (error) {
    if (AppError.is(error)) throw error;
    throw new AppError('bad_request', 'The multipart body could not be read', { cause: error });
  }
  // a file name or field name with NUL would reach the database (issue 12 item 13)
  assertPlainInput(form);
  const file = form.file;
  if (!(file instanceof File)) throw new AppError('validation_failed', 'file: a file is required');
  if (file.size > maxBytes)
    throw new AppError('payload_too_large', `The file is ${file.size} bytes; the limit is ${maxBytes} bytes`);
  if (file.size === 0) throw new AppError('validation_failed', 'file: the file is empty');
  return file;
}
