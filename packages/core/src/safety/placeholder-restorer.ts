import type { PiiVault } from './pii-vault';

/** Longest text that can still become a placeholder, e.g. `[ADDRESS_12` */
const maxPartial = 24;
const partialPlaceholder = /^\[[A-Z]*(?:_\d*)?$/;

/**
 * Restores placeholders in a streamed answer. A placeholder may arrive split across chunks
 * (`[PHO` + `NE_1]`), so a trailing piece that could still grow into one is held back until
 * the next chunk decides it; everything else is released at once.
 */
export class PlaceholderRestorer {
  #held = '';

  constructor(private readonly vault: PiiVault) {}

  write(chunk: string): string {
    const text = this.#held + chunk;
    const open = text.lastIndexOf('[');
    if (open !== -1 && text.length - open <= maxPartial && partialPlaceholder.test(text.slice(open))) {
      this.#held = text.slice(open);
      return this.vault.restore(text.slice(0, open));
    }
    this.#held = '';
    return this.vault.restore(text);
  }

  end(): string {
    const rest = this.#held;
    this.#held = '';
    return this.vault.restore(rest);
  }
}
