import { characterEntities } from 'character-entities';

/** CommonMark's character references: the forms a Markdown view turns back into characters. */
const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/y;
/** what may still grow into a reference when more text arrives */
const prefix = /&(?:#(?:\d{0,7}|[xX][0-9a-fA-F]{0,6})|[A-Za-z][A-Za-z0-9]{0,31})?$/y;

export type EntityRead = { cp: number; length: number } | 'partial' | undefined;

/**
 * The character an HTML/Markdown character reference at `at` stands for (`&#x6BD2;`, `&#27602;`,
 * `&eacute;`), 'partial' when the text ends inside what may still become one (and more text
 * may follow: `final` false), or undefined when `text[at]` does not start one.
 */
export function entityAt(text: string, at: number, final: boolean): EntityRead {
  reference.lastIndex = at;
  const match = reference.exec(text);
  if (match) {
    const [whole, decimal, hex, name] = match;
    if (name !== undefined) {
      const value = characterEntities[name];
      return value ? { cp: value.codePointAt(0)!, length: whole.length } : undefined;
    }
    const cp = Number.parseInt(decimal ?? hex!, decimal === undefined ? 16 : 10);
    // Markdown shows U+FFFD for an invalid reference: nothing to match
    const valid = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    return { cp: valid ? cp : 0xfffd, length: whole.length };
  }
  if (final) return undefined;
  prefix.lastIndex = at;
  return prefix.test(text) ? 'partial' : undefined;
}
