import { detectPii, type PiiHit, type PiiType } from './pii-detect';

const labels: Record<PiiType, string> = {
  id_card: 'ID',
  mobile: 'PHONE',
  landline: 'TEL',
  bank_card: 'CARD',
  email: 'EMAIL',
  ipv4: 'IP',
  ipv6: 'IP',
  passport: 'PASSPORT',
  name: 'NAME',
  address: 'ADDRESS',
};

/** A placeholder as the model sees it: `[PHONE_1]`. */
export const placeholderPattern = /\[([A-Z]+)_(\d+)\]/g;

/**
 * The reversible side of redaction, for one request: the same value always gets the same
 * placeholder, so a conversation that mentions one phone number twice still reads coherently.
 */
export class PiiVault {
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, string>();
  readonly #counters = new Map<string, number>();

  get size(): number {
    return this.#byPlaceholder.size;
  }

  placeholderFor(type: PiiType, value: string): string {
    const label = labels[type];
    const key = `${label}\u0000${value}`;
    let placeholder = this.#byValue.get(key);
    if (!placeholder) {
      const n = (this.#counters.get(label) ?? 0) + 1;
      this.#counters.set(label, n);
      placeholder = `[${label}_${n}]`;
      this.#byValue.set(key, placeholder);
      this.#byPlaceholder.set(placeholder, value);
    }
    return placeholder;
  }

  original(placeholder: string): string | undefined {
    return this.#byPlaceholder.get(placeholder);
  }

  /** Puts every known placeholder back; unknown ones (the model made them up) stay. */
  restore(text: string): string {
    if (this.size === 0) return text;
    return text.replace(placeholderPattern, (placeholder) => this.original(placeholder) ?? placeholder);
  }
}

export interface Redaction {
  text: string;
  hits: PiiHit[];
}

/** Replaces personal data with the vault's placeholders. */
export function redactPii(text: string, vault: PiiVault, types?: readonly PiiType[]): Redaction {
  const hits = detectPii(text, types);
  if (hits.length === 0) return { text, hits };
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + vault.placeholderFor(hit.type, hit.value);
    at = hit.end;
  }
  return { text: out + text.slice(at), hits };
}
