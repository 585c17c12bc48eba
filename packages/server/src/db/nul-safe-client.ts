import pg from 'pg';

/**
 * A pg client that stores U+FFFD where a text parameter holds a NUL character. Postgres refuses
 * NUL in text (SQLSTATE 22021), so one NUL in a model's answer, a tool result or text extracted
 * from an upload would fail the whole write — losing the answer — and on the embedded database
 * a burst of such refusals has reset the one shared connection under load. Request bodies are
 * refused at the edge (http/assert-plain-input.ts); this catches what Qiao itself produces.
 * JSON text is left alone: an escaped `\u0000` in jsonb is still refused as bad input.
 */
export class NulSafeClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only rewrites values
  override query(config: any, values?: any, callback?: any): any {
    if (Array.isArray(values)) return super.query(config, values.map(withoutNul), callback);
    if (config && typeof config.submit !== 'function' && Array.isArray(config.values))
      return super.query({ ...config, values: config.values.map(withoutNul) }, values, callback);
    return super.query(config, values, callback);
  }
}

function withoutNul(value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}
