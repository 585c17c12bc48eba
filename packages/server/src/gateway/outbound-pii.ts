import { type PiiHit, PiiVault } from '@qiao/core';
import type { RecordSafetyEvent } from '../safety/safety-events';
import type { RequestOrigin } from './gateway';
import { redactSegments } from './redact-segments';

/** Which kind of provider call took placeholders instead of personal data. */
export type OutboundPath = 'chat' | 'embeddings' | 'rerank' | 'speech' | 'moderation';

export type RecordRedaction = (
  path: OutboundPath,
  hits: readonly PiiHit[],
  origin: RequestOrigin & { model: string },
) => void;

/** One `pii` / `redact` safety event per call that redacted anything: types and counts only. */
export function redactionRecorder(record: RecordSafetyEvent): RecordRedaction {
  return (path, hits, origin) => {
    if (hits.length === 0) return;
    const counts: Record<string, number> = {};
    for (const hit of hits) counts[hit.type] = (counts[hit.type] ?? 0) + 1;
    record(
      {
        kind: 'pii',
        direction: 'input',
        action: 'redact',
        detail: path === 'chat' ? { counts } : { counts, path },
      },
      origin,
    );
  };
}

/**
 * Texts a provider reads independently (documents to embed or rerank): each gets its own
 * placeholders, `[PHONE_1]` for its first phone number, so the same shape of text embeds the
 * same way whatever else is in the batch — unless `vault` is shared, as for a query and the
 * passages reranked against it, where one value must keep one placeholder.
 */
export function redactTexts(texts: readonly string[], vault?: PiiVault): { texts: string[]; hits: PiiHit[] } {
  const hits: PiiHit[] = [];
  const out = texts.map((text) => {
    const result = redactSegments([text], vault ?? new PiiVault());
    hits.push(...result.hits);
    return result.segments[0]!;
  });
  return { texts: out, hits };
}
