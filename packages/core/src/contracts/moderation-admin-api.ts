import type { ModerationAction } from '../safety/moderation';

/** A lexicon category as the admin pages list it, with its term and hit counts. */
export interface CategoryView {
  id: string;
  label: string;
  action: ModerationAction;
  message: string | null;
  builtin: boolean;
  terms: number;
  hits: number;
}

/** A lexicon term with the moderation events that named it. */
export interface TermView {
  id: string;
  term: string;
  category: string;
  hits: number;
  lastHitAt: string | null;
}

/** GET /api/admin/moderation/hits: hits per category and per term. */
export interface HitStats {
  categories: { category: string; hits: number; lastHitAt: string | null }[];
  terms: { category: string; term: string; hits: number }[];
}
