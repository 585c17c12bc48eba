import { isCardNumber, isMobileNumber, isValidIdCard, isValidOldIdCard } from './pii-checksums';
import { digitSeparators } from './pii-view';

export interface DigitHit {
  type: 'id_card' | 'bank_card' | 'mobile';
  /** view indices */
  start: number;
  end: number;
}

/** A run of digits in the view, and the separator text written before it ('' for the first). */
interface Group {
  start: number;
  end: number;
  sep: string;
}

const maxSeparator = 3;
const maxDigits = 19;
const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * ID, card and mobile numbers however they are grouped: a run is digit groups joined by at
 * most three separator characters (`138 1234 5678`, `110105-19491231-002X`, `138.1234.5678`);
 * a candidate is any sequence of whole groups of that run, judged on its digits alone by the
 * kind's own check (MOD 11-2, Luhn, the mobile blocks, a real birth date). Letters or Chinese
 * glued on either side do not matter; a digit glued on does (`订单号 20240101123456` is one
 * 14-digit group, never a phone). Linear: a candidate spans at most 19 digits.
 */
export function findDigitPii(text: string, claimed: Uint8Array): DigitHit[] {
  const hits: DigitHit[] = [];
  const free = (i: number) => i < text.length && isDigit(text, i) && claimed[i] === 0;
  for (let i = 0; i < text.length; ) {
    if (!free(i)) {
      i++;
      continue;
    }
    const groups: Group[] = [];
    let start = i;
    let sep = '';
    for (;;) {
      let end = start;
      while (free(end)) end++;
      groups.push({ start, end, sep });
      let next = end;
      while (next < text.length && next - end <= maxSeparator && digitSeparators.has(text[next]!)) next++;
      i = end;
      if (next === end || next - end > maxSeparator || !free(next)) break;
      sep = text.slice(end, next);
      start = next;
    }
    readRun(text, groups, hits);
  }
  return hits;
}

/** 11 mobile, 13/15 mobile with 86/0086, 15 old ID, 16–19 card, 17 (+X) and 18 ID */
const candidateLengths = new Set([11, 13, 15, 16, 17, 18, 19]);

const digitsOf = (text: string, groups: Group[], a: number, b: number) => {
  let digits = '';
  for (let k = a; k <= b; k++) digits += text.slice(groups[k]!.start, groups[k]!.end);
  return digits;
};

/** ID numbers outrank cards, cards outrank phones, a 15-digit old ID (no check digit) comes last. */
const rank = { id_card: 4, bank_card: 3, mobile: 2, old_id: 1 } as const;
type Ranked = keyof typeof rank;

function readRun(text: string, groups: Group[], hits: DigitHit[]) {
  for (let a = 0; a < groups.length; ) {
    let best: { type: Ranked; b: number; end: number } | undefined;
    let length = 0;
    for (let b = a; b < groups.length; b++) {
      length += groups[b]!.end - groups[b]!.start;
      if (length > maxDigits) break;
      if (!candidateLengths.has(length) || !plausibleGrouping(text, groups, a, b, length)) continue;
      const found = judge(text, groups, a, b, digitsOf(text, groups, a, b));
      if (found && (!best || rank[found.type] >= rank[best.type])) best = { ...found, b };
    }
    if (!best) {
      a++;
      continue;
    }
    let start = groups[a]!.start;
    if (best.type === 'mobile') start -= dialPrefix(text.slice(Math.max(0, start - 12), start));
    hits.push({ type: best.type === 'old_id' ? 'id_card' : best.type, start, end: best.end });
    a = best.b + 1;
  }
}

/** `+`, `(86)`, `（+86）`, `+86 (0)` written before a mobile number belong to it. */
function dialPrefix(before: string): number {
  return /(?:\(\s*\+?\s*(?:00)?86\s*\)|(?:\+|00)\s*86\s*\(0\)|\+)[ -]{0,2}$/.exec(before)?.[0].length ?? 0;
}

function judge(
  text: string,
  groups: Group[],
  a: number,
  b: number,
  digits: string,
): { type: Ranked; end: number } | undefined {
  const end = groups[b]!.end;
  const n = digits.length;
  if (n === 17 && /[Xx]/.test(text[end] ?? '') && !/[0-9]/.test(text[end + 1] ?? ''))
    return isValidIdCard(`${digits}X`) ? { type: 'id_card', end: end + 1 } : undefined;
  if (n === 18 && isValidIdCard(digits)) return { type: 'id_card', end };
  if (n >= 16 && isCardNumber(digits) && cardGrouping(groups, a, b)) return { type: 'bank_card', end };
  // no check digit: only its own shapes, whole or 6 region digits first (`110105 491231 002`)
  const regionFirst = b === a || groups[a]!.end - groups[a]!.start === 6;
  if (n === 15 && regionFirst && isValidOldIdCard(digits)) return { type: 'old_id', end };
  const national =
    n === 11
      ? digits
      : n === 13 && digits.startsWith('86')
        ? digits.slice(2)
        : n === 15 && digits.startsWith('0086')
          ? digits.slice(4)
          : '';
  if (isMobileNumber(national)) return { type: 'mobile', end };
  return undefined;
}

/**
 * Shapes that are ordinary numbers, not one number written in groups: a decimal (`13.812345678`),
 * a dotted figure (`1.13812345678`, an IPv4 address, a version: groups of at most three digits
 * joined by dots), single digits mixed with longer groups (`1 13 123 145 167`), and part of a
 * longer number written the same way (`6209 3997 1320 6566 503` holds no phone `1320 6566 503`).
 */
function plausibleGrouping(text: string, groups: Group[], a: number, b: number, length: number): boolean {
  const before = groups[a]!.sep;
  const after = groups[b + 1]?.sep;
  if (before === '.' || after === '.') return false;
  if (b === a) return true;
  if (b === a + 1 && groups[b]!.sep === '.') return false;
  let singles = 0;
  let dotted = true;
  let short = true;
  for (let k = a; k <= b; k++) {
    // an ID's check X counts with its group (`1101 0819 7712 2323 9X`)
    const x = length === 17 && k === b && /[Xx]/.test(text[groups[k]!.end] ?? '') ? 1 : 0;
    const size = groups[k]!.end - groups[k]!.start + x;
    if (size === 1) singles++;
    if (size > 3) short = false;
    if (k === a) continue;
    const sep = groups[k]!.sep;
    if (sep !== '.') dotted = false;
    if (sep === before || sep === after) return false;
  }
  if (dotted && short) return false;
  return singles === 0 || singles === b - a + 1;
}

/** Cards are printed in groups of three or more (4-4-4-4, 6-13), never with dates' 2-digit parts. */
function cardGrouping(groups: Group[], a: number, b: number): boolean {
  let singles = 0;
  for (let k = a; k <= b; k++) {
    const size = groups[k]!.end - groups[k]!.start;
    if (size === 1) singles++;
    else if (size < 3) return false;
  }
  return singles === 0 || singles === b - a + 1;
}
