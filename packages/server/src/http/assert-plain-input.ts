import { AppError } from '@qiao/core';

/**
 * Deepest nesting a request value may have. Real tool schemas and response formats stay far
 * below it; 5,000 levels overflowed the stack of recursive code downstream (a 502).
 */
export const maxInputDepth = 128;

/** Text here would reach the database, whose protocol cannot carry NUL: one made it drop the shared connection. */
const nul = '\u0000';

/**
 * Refuses, with a 400, what no request field may hold: a NUL character in any string or
 * object key, and nesting deeper than `maxInputDepth`. Walks with an explicit stack, so the
 * check itself cannot overflow on the input it exists to refuse.
 */
export function assertPlainInput(value: unknown): void {
  const stack: [value: unknown, depth: number, path: string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [current, depth, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(nul)) throw refused(path, 'text may not contain the NUL character (\\u0000)');
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxInputDepth) throw refused(path, `nested deeper than ${maxInputDepth} levels`);
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push([current[i], depth + 1, `${path}.${i}`]);
      continue;
    }
    // File and Blob values (multipart) carry bytes, not text fields: their name is checked
    if (typeof Blob !== 'undefined' && current instanceof Blob) {
      const name = (current as { name?: unknown }).name;
      if (typeof name === 'string' && name.includes(nul))
        throw refused(path, 'file names may not contain the NUL character (\\u0000)');
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      if (key.includes(nul)) throw refused(path, 'field names may not contain the NUL character (\\u0000)');
      stack.push([child, depth + 1, `${path}.${key}`]);
    }
  }
}

function refused(path: string, why: string): AppError {
  const where = path.replace(/^\./, '');
  return new AppError('validation_failed', where ? `${where}: ${why}` : `Request ${why}`);
}
