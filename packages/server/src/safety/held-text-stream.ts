import type { ChatStreamPart, MatchStream, TermMatch } from '@qiao/core';

export interface HeldTextPolicy<T> {
  /**
   * Decides what the hits found in the held text mean: `stop` ends the answer with that
   * text; `rewrite` changes the held text (offsets of hits are absolute, `base` is the
   * absolute offset of `held`).
   */
  onHits(
    hits: TermMatch<T>[],
    held: string,
    base: number,
  ): { stop: string } | { rewrite: string } | undefined;
}

type DeltaType = 'text-delta' | 'reasoning-delta';

/**
 * Scans one kind of delta (the answer, or the reasoning the UI also shows) across chunk
 * boundaries: text is released only once no term can still start in it (the matcher's safe
 * offset), so a term split over chunks is caught before any of it reaches the client. Any
 * other part closes the run: the held text is settled and released before it, and a later run
 * is scanned afresh. A stop ends the stream with reason content-filter and returns, which
 * cancels the upstream call.
 */
export async function* scanHeldText<T>(
  stream: AsyncIterable<ChatStreamPart>,
  newMatches: () => MatchStream<T>,
  policy: HeldTextPolicy<T>,
  type: DeltaType = 'text-delta',
): AsyncIterable<ChatStreamPart> {
  let matches: MatchStream<T> | undefined;
  let held = '';
  let base = 0;
  let released = false;

  const settle = (hits: TermMatch<T>[]): string | undefined => {
    if (hits.length === 0) return undefined;
    const verdict = policy.onHits(hits, held, base);
    if (verdict && 'stop' in verdict) return (released ? '\n\n' : '') + verdict.stop;
    if (verdict) held = verdict.rewrite;
    return undefined;
  };
  const delta = (text: string): ChatStreamPart => ({ type, text });

  /** Ends the current run: the stop message, or the rest of the held text. */
  function* close(): Iterable<ChatStreamPart> {
    if (!matches) return;
    const stop = settle(matches.end());
    matches = undefined;
    if (stop !== undefined) {
      yield* stopWith(stop);
      return;
    }
    if (held) yield delta(held);
    held = '';
    base = 0;
  }

  for await (const part of stream) {
    if (part.type === type) {
      matches ??= newMatches();
      held += part.text;
      const stop = settle(matches.write(part.text));
      if (stop !== undefined) {
        yield* stopWith(stop);
        return;
      }
      const cut = matches.safeOffset() - base;
      if (cut > 0) {
        const text = held.slice(0, cut);
        held = held.slice(cut);
        base += cut;
        released = true;
        yield delta(text);
      }
      continue;
    }
    if (part.type !== 'start') {
      for (const out of close()) {
        yield out;
        if (out.type === 'finish') return;
      }
    }
    yield part;
  }
  yield* close();
}

function* stopWith(message: string): Iterable<ChatStreamPart> {
  if (message) yield { type: 'text-delta', text: message };
  yield { type: 'finish', reason: 'content-filter' };
}
