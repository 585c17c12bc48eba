import { type PiiHit, PiiVault } from '@qiao/core';
import { redactSegments } from './redact-segments';

/** The personal data the boundary would redact from `text`, in order, without overlaps. */
export function outboundPiiHits(text: string): PiiHit[] {
  return redactSegments([text], new PiiVault()).hits.sort((a, b) => a.start - b.start);
}
