import { type TermMatch, TermMatcher } from './term-matcher';

export const moderationActions = ['block', 'mask', 'warn', 'log'] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** Categories every installation has (TC260-003's risk families); admins add custom ones. */
export const builtinModerationCategories = [
  'politics',
  'pornography',
  'violence',
  'terrorism',
  'fraud',
  'illegal_goods',
  'custom',
] as const;

export interface ModerationTag {
  category: string;
  action: ModerationAction;
}

export type ModerationMatcher = TermMatcher<ModerationTag>;
export type ModerationHit = TermMatch<ModerationTag>;

export interface LexiconTerm extends ModerationTag {
  term: string;
}

export function compileLexicon(terms: readonly LexiconTerm[]): ModerationMatcher {
  return new TermMatcher(terms.map(({ term, category, action }) => ({ term, data: { category, action } })));
}

const rank: Record<ModerationAction, number> = { log: 1, warn: 2, mask: 3, block: 4 };

/** The most severe action among the hits (block > mask > warn > log), or null. */
export function strongestAction(hits: readonly ModerationHit[]): ModerationAction | null {
  let best: ModerationAction | null = null;
  for (const hit of hits) if (!best || rank[hit.data.action] > rank[best]) best = hit.data.action;
  return best;
}

/** Replaces every code point of each `mask` hit with ＊ (offsets relative to `base`). */
export function maskHits(text: string, hits: readonly ModerationHit[], base = 0): string {
  const spans = hits.filter((h) => h.data.action === 'mask').sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const hit of spans) {
    const start = Math.max(at, hit.start - base);
    const end = hit.end - base;
    if (end <= start) continue;
    out += text.slice(at, start) + '＊'.repeat([...text.slice(start, end)].length);
    at = end;
  }
  return out + text.slice(at);
}

export interface ModerationVerdict {
  action: ModerationAction | null;
  hits: ModerationHit[];
  /** the text with `mask` hits replaced */
  text: string;
}

export function moderateText(matcher: ModerationMatcher, text: string): ModerationVerdict {
  const hits = matcher.scan(text);
  return { action: strongestAction(hits), hits, text: hits.length > 0 ? maskHits(text, hits) : text };
}
