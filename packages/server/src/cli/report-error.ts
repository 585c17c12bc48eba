import { toAppError } from '@qiao/core';

/** One line for people; the stack only when they asked for debug logs. */
export function formatError(error: unknown, debug: boolean): string {
  const appError = toAppError(error);
  const line = `qiao: ${appError.message.replace(/\s*\n\s*/g, ' ')}`;
  if (!debug) return `${line}\n`;
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  const cause =
    appError.cause instanceof Error && appError.cause !== error ? `\ncaused by: ${appError.cause.stack}` : '';
  return `${line}\n${stack}${cause}\n`;
}
