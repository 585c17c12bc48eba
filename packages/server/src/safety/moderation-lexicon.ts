import { compileLexicon, type ModerationMatcher } from '@qiao/core';
import type { Db } from '../db';
import { defaultBlockMessage } from './default-lexicon';
import { loadLexicon, seedDefaultLexicon } from './lexicon-store';

export interface CompiledLexicon {
  matcher: ModerationMatcher;
  /** the message shown for a blocked hit of a category */
  messageFor(category: string): string;
}

/**
 * The compiled lexicon of one database, built on first use and rebuilt after an admin change.
 * Compiling 50,000 terms takes about a second, so it is never done per request.
 */
export class ModerationLexicon {
  #compiled: Promise<CompiledLexicon> | undefined;

  constructor(private readonly db: Db) {}

  get(): Promise<CompiledLexicon> {
    this.#compiled ??= this.#compile().catch((error) => {
      this.#compiled = undefined;
      throw error;
    });
    return this.#compiled;
  }

  invalidate(): void {
    this.#compiled = undefined;
  }

  async #compile(): Promise<CompiledLexicon> {
    await seedDefaultLexicon(this.db);
    const { terms, messages } = await loadLexicon(this.db);
    const matcher = compileLexicon(terms);
    return { matcher, messageFor: (category) => messages.get(category) ?? defaultBlockMessage };
  }
}

const lexicons = new WeakMap<Db, ModerationLexicon>();

/** One lexicon per database, shared by the guard and the admin routes that change it. */
export function moderationLexiconFor(db: Db): ModerationLexicon {
  let lexicon = lexicons.get(db);
  if (!lexicon) {
    lexicon = new ModerationLexicon(db);
    lexicons.set(db, lexicon);
  }
  return lexicon;
}
