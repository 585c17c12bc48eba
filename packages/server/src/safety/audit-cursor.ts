import { AppError } from '@qiao/core';

/**
 * A place in the audit log's order (newest first, ties by id): the entry's time to the
 * microsecond as UTC ISO text (a JS Date keeps milliseconds only, and rows written in the same
 * millisecond would otherwise be skipped or repeated between pages) and its id.
 */
export interface AuditCursor {
  at: string;
  id: string;
}

const atPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** Opaque to clients: they send back what they were given. */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Throws a 400 for anything `encodeAuditCursor` did not make. */
export function decodeAuditCursor(text: string): AuditCursor {
  const [at = '', id = '', ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !atPattern.test(at) || !idPattern.test(id) || Number.isNaN(Date.parse(at)))
    throw new AppError('validation_failed', 'cursor: not a cursor this endpoint gave out');
  return { at, id };
}
