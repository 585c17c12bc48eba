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
  /** absent when the view is the text itself (plain ASCII with nothing to spell out) */
  from?: Int32Array;
  to?: Int32Array;
}

/** The original span of view characters `[start, end)`. */
export function originalSpan(view: PiiView, start: number, end: number): [number, number] {
  return view.from && view.to ? [view.from[start]!, view.to[end - 1]!] : [start, end];
}

/** Plain ASCII reads as itself unless it holds a tab or a spelled-out `%40`, `[at]`, `(dot)`. */
const needsView = /[^\n\r\x20-\x7e]|%(?:40|2e)|[[({<]\s*(?:at|dot)\s*[\])}>]/i;

const format = /^\p{Cf}$/u;
/** blank letters, the combining grapheme joiner, variation selectors: they render as nothing */
const blanks = new Set([0x034f, 0x115f, 0x1160, 0x3164, 0xffa0]);
const isBlank = (code: number) =>
  blanks.has(code) || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x180b && code <= 0x180f);
const invisible = { test: (c: string) => format.test(c) || isBlank(c.codePointAt(0)!) };
const space = /^[\p{Zs}\t]$/u;
const dash = /^[\p{Pd}\u2212\u2043\uFE63]$/u;
const dots = new Set(['・', '•', '∙', '⋅', '‧']);
const slashes = new Set(['∕', '⁄', '⧸']);
const mark = /^[\p{Mn}\p{Me}]$/u;
const digit = /^\p{Nd}$/u;
const mapped = new Map<number, string>();

/** Any script's decimal digit (Arabic-Indic ٣, Devanagari ३…): Unicode keeps each set of ten contiguous. */
function digitValue(c: string): string {
  const code = c.codePointAt(0)!;
  let k = 0;
  while (k < 9 && digit.test(String.fromCodePoint(code - k - 1))) k++;
  return String(k);
}

/** What one non-ASCII code point reads as; cached, as a chat reuses few distinct characters. */
function mapChar(code: number): string {
  let out = mapped.get(code);
  if (out !== undefined) return out;
  const char = String.fromCodePoint(code);
  out = '';
  // a full-width colon stays: it is Chinese punctuation before a value, never part of one
  if (char === '：') out = char;
  else if (!invisible.test(char)) {
    for (const c of char.normalize('NFKC')) {
      if (space.test(c)) out += ' ';
      else if (dash.test(c)) out += '-';
      else if (dots.has(c))
        out += '·'; // a middle dot separates, it is never a decimal point
      else if (slashes.has(c)) out += '/';
      else if (mark.test(c))
        continue; // `1̲3̲8̲`, keycaps `1️⃣`: the digit is what counts
      else if (digit.test(c)) out += digitValue(c);
      else if (!invisible.test(c)) out += c;
    }
  }
  if (mapped.size < 10_000) mapped.set(code, out);
  return out;
}

const utf16 = new TextDecoder('utf-16le');

/** View code units and, for each, the original span it came from; typed arrays, as this runs on every message. */
class ViewBuilder {
  n = 0;
  codes: Uint16Array;
  from: Int32Array;
  to: Int32Array;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }
  unit(code: number, from: number, to: number) {
    if (this.n === this.codes.length) this.grow();
    this.codes[this.n] = code;
    this.from[this.n] = from;
    this.to[this.n++] = to;
  }
  text(text: string, from: number, to: number) {
    // what reads as nothing (a mark, an invisible) belongs with the character before it
    if (text === '' && this.n > 0) this.to[this.n - 1] = to;
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i), from, to);
  }
  private grow() {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    codes.set(this.codes);
    from.set(this.from);
    to.set(this.to);
    this.codes = codes;
    this.from = from;
    this.to = to;
  }
  view(): PiiView {
    // a lone surrogate decodes to U+FFFD, one unit for one, so the indices stay aligned
    const text = utf16.decode(this.codes.subarray(0, this.n));
    return { text, from: this.from.subarray(0, this.n), to: this.to.subarray(0, this.n) };
  }
}

const tokenStarts = new Set([...'%[({<【［（｛＜'].map((c) => c.charCodeAt(0)));
const atToken = /^[[({<【［（｛＜]\s*(at|dot)\s*[\])}>】］）｝＞]/i;

/** `%40`, `%2E`, `[at]`, `（dot）`… at `i`: the character it stands for and its length. */
function tokenAt(text: string, i: number): [string, number] | undefined {
  const c = text[i]!;
  if (c === '%') {
    const hex = text.slice(i + 1, i + 3).toLowerCase();
    return hex === '40' ? ['@', 3] : hex === '2e' ? ['.', 3] : undefined;
  }
  if (!'[({<【［（｛＜'.includes(c)) return undefined;
  const match = atToken.exec(text.slice(i, i + 9));
  return match ? [match[1]!.toLowerCase() === 'at' ? '@' : '.', match[0].length] : undefined;
}

export function piiView(text: string): PiiView {
  if (!needsView.test(text)) return { text };
  const out = new ViewBuilder(text.length + (text.length >> 3) + 16);
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const token = tokenStarts.has(code) ? tokenAt(text, i) : undefined;
    if (token) {
      let [char, length] = token;
      let start = i;
      // `zhang (at) example (dot) com`: the spaces around a spelled-out token belong to it
      if (length > 3 && out.n > 0 && out.codes[out.n - 1] === 32) start = out.from[--out.n]!;
      if (length > 3 && text[i + length] === ' ') length++;
      out.unit(char.charCodeAt(0), start, i + length);
      i += length;
      continue;
    }
    const width = code > 0xffff ? 2 : 1;
    if (code < 0x80) out.unit(code === 9 ? 32 : code, i, i + 1);
    // CJK ideographs are their own NFKC and never invisible: most of a Chinese message
    else if (code >= 0x4e00 && code <= 0x9fff) out.unit(code, i, i + 1);
    else out.text(mapChar(code), i, i + width);
    i += width;
  }
  readChineseNumerals(out.codes, out.n);
  return out.view();
}

/** Chinese numerals and their digits, the financial forms and `幺` (one, read aloud) included. */
const chineseDigits = new Map<number, number>(
  [...'〇0零0一1二2三3四4五5六6七7八8九9幺1壹1贰2叁3肆4伍5陆6柒7捌8玖9'.matchAll(/(\D)(\d)/g)].map((m) => [
    m[1]!.charCodeAt(0),
    Number(m[2]),
  ]),
);

/** Separators a number may be written with between its digits (after the view's mapping). */
export const digitSeparators = new Set([' ', '-', '.', '·', '/', '\\', '_', '。']);
const separatorCodes = new Set([...digitSeparators].map((c) => c.charCodeAt(0)));

/**
 * Chinese numerals are digits only in a run long enough to be a phone or ID number (eleven
 * or more numerals and digits, separators allowed): `一三八一二三四五六七八`, never `一五一十`.
 */
function readChineseNumerals(codes: Uint16Array, n: number) {
  let start = -1;
  let count = 0;
  let han = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codes[i]! : -1;
    const digit = c >= 48 && c <= 57;
    if (!digit && start < 0 && c < 0x3007) continue; // most characters: nothing to do
    const chinese = !digit && chineseDigits.has(c);
    if (chinese || digit) {
      if (start < 0) start = i;
      count++;
      han ||= chinese;
    } else if (start >= 0 && !separatorCodes.has(c)) {
      if (han && count >= 11)
        for (let k = start; k < i; k++) codes[k] = 48 + (chineseDigits.get(codes[k]!) ?? codes[k]! - 48);
      start = -1;
      count = 0;
      han = false;
    }
  }
}
