/**
 * The text the PII detectors read: NFKC (full-width digits and `＠．` become ASCII), every dash
 * a `-`, every space a ` `, invisibles (zero-width, soft hyphen, BOM, bidi marks, fillers)
 * gone, `%40` and `[at]`/`(dot)` read as `@`/`.`, and long runs of Chinese numerals read as
 * digits. `from[i]`/`to[i]` give the original code units view character `i` came from, so a
 * hit maps back to exactly the characters that wrote it — separators and invisibles inside
 * included — and redact-and-restore replaces what the user typed.
 */
export interface PiiView {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/** The original span of view characters `[start, end)`. */
export function originalSpan(view: PiiView, start: number, end: number): [number, number] {
  return [view.from[start]!, view.to[end - 1]!];
}

const format = /^\p{Cf}$/u;
/** blank letters, the combining grapheme joiner, variation selectors: they render as nothing */
const blanks = new Set([0x034f, 0x115f, 0x1160, 0x3164, 0xffa0]);
const isBlank = (code: number) =>
  blanks.has(code) || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x180b && code <= 0x180f);
const invisible = { test: (c: string) => format.test(c) || isBlank(c.codePointAt(0)!) };
const space = /^[\p{Zs}\t]$/u;
const dash = /^[\p{Pd}\u2212\u2043\uFE63]$/u;
const dots = new Set(['·', '・', '•', '∙', '⋅', '‧']);
const slashes = new Set(['∕', '⁄', '⧸']);
const mapped = new Map<string, string>();

/** What one non-ASCII code point reads as; cached, as a chat reuses few distinct characters. */
function mapChar(char: string): string {
  let out = mapped.get(char);
  if (out !== undefined) return out;
  out = '';
  // a full-width colon stays: it is Chinese punctuation before a value, never part of one
  if (char === '：') out = char;
  else if (!invisible.test(char)) {
    for (const c of char.normalize('NFKC')) {
      if (space.test(c)) out += ' ';
      else if (dash.test(c)) out += '-';
      else if (dots.has(c)) out += '.';
      else if (slashes.has(c)) out += '/';
      else if (!invisible.test(c)) out += c;
    }
  }
  if (mapped.size < 10_000) mapped.set(char, out);
  return out;
}

class ViewBuilder {
  chars: string[] = [];
  from: number[] = [];
  to: number[] = [];
  push(text: string, from: number, to: number) {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]!);
      this.from.push(from);
      this.to.push(to);
    }
  }
}

export function piiView(text: string): PiiView {
  const first = new ViewBuilder();
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    first.push(code < 0x80 ? (code === 9 ? ' ' : char) : mapChar(char), i, i + width);
    i += width;
  }
  const view = spellTokens(first);
  readChineseNumerals(view.chars);
  return { text: view.chars.join(''), from: Int32Array.from(view.from), to: Int32Array.from(view.to) };
}

const atToken = /^[[({<【]\s*(at|dot)\s*[\])}>】]/i;

/** `%40`, `%2E`, `[at]`, `(dot)`… as the one character they stand for. */
function spellTokens(input: ViewBuilder): ViewBuilder {
  const { chars, from, to } = input;
  const out = new ViewBuilder();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    let token = '';
    let length = 0;
    if (c === '%' && chars[i + 1] === '4' && chars[i + 2] === '0') [token, length] = ['@', 3];
    else if (c === '%' && chars[i + 1] === '2' && (chars[i + 2] === 'e' || chars[i + 2] === 'E'))
      [token, length] = ['.', 3];
    else if ('[({<【'.includes(c)) {
      const match = atToken.exec(chars.slice(i, i + 9).join(''));
      if (match) [token, length] = [match[1]!.toLowerCase() === 'at' ? '@' : '.', match[0].length];
    }
    if (length > 0) {
      // `zhang (at) example (dot) com`: the spaces around a spelled-out token belong to it
      let start = from[i]!;
      if (length > 3 && out.chars.at(-1) === ' ') {
        out.chars.pop();
        out.to.pop();
        start = out.from.pop()!;
      }
      if (length > 3 && chars[i + length] === ' ') length++;
      out.push(token, start, to[i + length - 1]!);
      i += length - 1;
    } else out.push(c, from[i]!, to[i]!);
  }
  return out;
}

const chineseDigits: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  叁: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  柒: '7',
  捌: '8',
  玖: '9',
};

/** Separators a number may be written with between its digits (after the view's mapping). */
export const digitSeparators = new Set([' ', '-', '.', '/', '\\', '_', '。']);

/**
 * Chinese numerals are digits only in a run long enough to be a phone or ID number (eleven
 * or more numerals and digits, separators allowed): `一三八一二三四五六七八`, never `一五一十`.
 */
function readChineseNumerals(chars: string[]) {
  let start = -1;
  let count = 0;
  let han = false;
  const flush = (end: number) => {
    if (han && count >= 11)
      for (let k = start; k < end; k++) chars[k] = chineseDigits[chars[k]!] ?? chars[k]!;
    start = -1;
    count = 0;
    han = false;
  };
  for (let i = 0; i <= chars.length; i++) {
    const c = chars[i];
    const numeral = c !== undefined && (chineseDigits[c] !== undefined || (c >= '0' && c <= '9'));
    if (numeral) {
      if (start < 0) start = i;
      count++;
      han ||= chineseDigits[c] !== undefined;
    } else if (start >= 0 && !(c !== undefined && digitSeparators.has(c))) flush(i);
  }
}
