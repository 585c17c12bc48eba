import { isMobileNumber, isValidIdCard } from './pii-checksums';
import type { DigitHit } from './pii-digit-runs';

/** A gap of a few words or fillers between two groups, on one line: `我的`, `嗯，`, ` is `. */
const wordGap = /^[\p{L}\p{M} ,，、:：-]{1,6}$/u;
const separatorGap = /^[ \-./\\_·。]{1,3}$/;

/**
 * The stretch case: a mobile or ID number interrupted by words (`138 我的 1234 号码 5678`,
 * `110105 出生 19491231 后四位 002X`). Only the number's own grouping counts (3-4-4 for a
 * mobile, 6-8-4 for an ID), each gap is a few letters on one line, at least one gap holds a
 * word (the rest are separators), and the kind's check applies — so a page of numbers with
 * words between them is not read as a phone.
 */
export function findInterruptedPii(text: string, claimed: Uint8Array): DigitHit[] {
  const groups: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || claimed[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (
      end < text.length &&
      text.charCodeAt(end) >= 48 &&
      text.charCodeAt(end) <= 57 &&
      claimed[end] === 0
    )
      end++;
    groups.push({ start: i, end });
    i = end;
  }
  const hits: DigitHit[] = [];
  const size = (k: number) => groups[k]!.end - groups[k]!.start;
  for (let k = 0; k + 2 < groups.length; k++) {
    const shape = `${size(k)}-${size(k + 1)}-${size(k + 2)}`;
    if (shape !== '3-4-4' && shape !== '6-8-4' && shape !== '6-8-3') continue;
    const gaps = [1, 2].map((d) => text.slice(groups[k + d - 1]!.end, groups[k + d]!.start));
    if (!gaps.every((g) => wordGap.test(g) || separatorGap.test(g))) continue;
    if (!gaps.some((g) => /\p{L}/u.test(g))) continue;
    // a group glued to more digits on either side is part of another number
    const before = text.slice(Math.max(0, groups[k]!.start - 2), groups[k]!.start);
    if (/\d[ \-./]?$/.test(before)) continue;
    const digits = groups
      .slice(k, k + 3)
      .map((g) => text.slice(g.start, g.end))
      .join('');
    const end = groups[k + 2]!.end;
    if (shape === '3-4-4' && isMobileNumber(digits))
      hits.push({ type: 'mobile', start: groups[k]!.start, end });
    else if (shape === '6-8-4' && isValidIdCard(digits))
      hits.push({ type: 'id_card', start: groups[k]!.start, end });
    else if (shape === '6-8-3' && /[Xx]/.test(text[end] ?? '') && isValidIdCard(`${digits}X`))
      hits.push({ type: 'id_card', start: groups[k]!.start, end: end + 1 });
    else continue;
    k += 2;
  }
  return hits;
}
