import { characterEntities } from 'character-entities';

/** CommonMark's character references: the forms a Markdown view turns back into characters. */
const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/y;
/** what may still grow into a reference when more text arrives */
const prefix = /&(?:#(?:\d{0,7}|[xX][0-9a-fA-F]{0,6})|[A-Za-z][A-Za-z0-9]{0,31})?$/y;

/** JSON/JavaScript escapes, as tool-call arguments carry text: `\u51b0`, a pair for astral letters */
const jsonEscape = /\\u([0-9a-fA-F]{4})(?:\\u(d[c-f][0-9a-f]{2}))?/iy;
const escapePrefix = /\\(?:u[0-9a-fA-F]{0,4}(?:\\(?:u[0-9a-fA-F]{0,3})?)?)?$/y;

export type EntityRead = { cp: number; length: number } | 'partial' | undefined;

/**
 * The character an HTML/Markdown character reference at `at` stands for (`&#x6BD2;`, `&#27602;`,
 * `&eacute;`) or JSON escape (`\u51b0`: a tool receives the decoded text), 'partial' when the text ends inside what may still become one (and more text
 * may follow: `final` false), or undefined when `text[at]` does not start one.
 */
export function entityAt(text: string, at: number, final: boolean): EntityRead {
  if (text.charCodeAt(at) === 0x5c) return escapeAt(text, at, final);
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

function escapeAt(text: string, at: number, final: boolean): EntityRead {
  jsonEscape.lastIndex = at;
  const match = jsonEscape.exec(text);
  if (match) {
    const [whole, first, low] = match;
    const high = Number.parseInt(first!, 16);
    // a high surrogate whose pair may still arrive waits for it
    if (!low && !final && high >= 0xd800 && high <= 0xdbff && at + whole.length >= text.length - 5) {
      escapePrefix.lastIndex = at;
      if (escapePrefix.test(text)) return 'partial';
    }
    const cp = low ? 0x10000 + ((high - 0xd800) << 10) + (Number.parseInt(low, 16) - 0xdc00) : high;
    return { cp, length: whole.length };
  }
  if (final) return undefined;
  escapePrefix.lastIndex = at;
  return escapePrefix.test(text) ? 'partial' : undefined;
}
