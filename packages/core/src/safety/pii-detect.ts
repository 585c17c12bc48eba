import { isValidIpv4, isValidIpv6 } from './pii-checksums';
import { findDigitPii } from './pii-digit-runs';
import { findEmails } from './pii-email';
import { findInterruptedPii } from './pii-interrupted';
import { originalSpan, piiView } from './pii-view';

export type PiiType =
  | 'id_card'
  | 'mobile'
  | 'landline'
  | 'bank_card'
  | 'email'
  | 'ipv4'
  | 'ipv6'
  | 'passport'
  | 'name'
  | 'address';

export const piiTypes: readonly PiiType[] = [
  'id_card',
  'mobile',
  'landline',
  'bank_card',
  'email',
  'ipv4',
  'ipv6',
  'passport',
  'name',
  'address',
];

/** One piece of personal data: `text.slice(start, end) === value`. */
export interface PiiHit {
  type: PiiType;
  value: string;
  start: number;
  end: number;
}

interface Detector {
  type: PiiType;
  pattern: RegExp;
  /** which capture group is the value (labelled fields keep their label) */
  group?: number;
  valid?: (value: string) => boolean;
}

/**
 * What the view's digit and e-mail scanners do not cover, by pattern, on the view too (so a
 * full-width or zero-width-split landline or IP is found alike). Order matters: earlier
 * detectors claim their span first.
 */
const viewDetectors: Detector[] = [
  {
    type: 'landline',
    // not the tail of a longer number written in groups (`6236 6874 0965 8006220`)
    pattern:
      /(?<!\d[ \-.·/\\_。]{0,3})(?:\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2}[ -]?)[2-9]\d{6,7}(?:-\d{1,5})?(?!\d)/g,
  },
  {
    type: 'ipv6',
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\w:.])/g,
    // a digit is required so `std::vector`-like code is not an address
    valid: (value) => value.length > 2 && /\d/.test(value) && isValidIpv6(value),
  },
  {
    type: 'ipv4',
    pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]|\.\d)/g,
    valid: isValidIpv4,
  },
  {
    type: 'passport',
    pattern: /(?<![0-9A-Za-z])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[DPS]E?\d{7})(?![0-9A-Za-z])/g,
  },
];

/** Labelled fields read the original text: their labels and values are words, not digits. */
const textDetectors: Detector[] = [
  {
    type: 'name',
    pattern:
      /(?:姓名|名字|联系人|收件人|收货人|真实姓名|(?<![A-Za-z])[Nn]ame)\s*[:：]\s*([\u4e00-\u9fa5]{1,2}[\u4e00-\u9fa5·]{1,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})/g,
    group: 1,
  },
  {
    type: 'address',
    pattern:
      /(?:地址|住址|家庭住址|收货地址|通讯地址|(?<![A-Za-z])[Aa]ddress)\s*[:：]\s*([\u4e00-\u9fa5][^\s;；。，,)）]{1,79}|[A-Za-z0-9][^\n\r;；。，,)）]{1,79})/g,
    group: 1,
  },
];

/**
 * All personal data found in `text`, sorted by position, never overlapping; each hit's span
 * covers the original characters that wrote it (separators, invisibles, full-width forms).
 */
export function detectPii(text: string, types: readonly PiiType[] = piiTypes): PiiHit[] {
  const wanted = new Set(types);
  const view = piiView(text);
  const claimed = new Uint8Array(view.text.length);
  const hits: PiiHit[] = [];
  const add = (type: PiiType, viewStart: number, viewEnd: number) => {
    const [start, end] = originalSpan(view, viewStart, viewEnd);
    hits.push({ type, value: text.slice(start, end), start, end });
    claimed.fill(1, viewStart, viewEnd);
  };
  // an address outranks the digits in it (`13812345678@qq.com`)
  if (wanted.has('email')) for (const span of findEmails(view.text)) add('email', span.start, span.end);
  for (const hit of findDigitPii(view.text, claimed))
    if (wanted.has(hit.type)) add(hit.type, hit.start, hit.end);
  for (const hit of findInterruptedPii(view.text, claimed))
    if (wanted.has(hit.type)) add(hit.type, hit.start, hit.end);
  for (const detector of viewDetectors) {
    if (!wanted.has(detector.type)) continue;
    for (const match of view.text.matchAll(detector.pattern)) {
      const end = match.index + match[0].length;
      if (detector.valid && !detector.valid(match[0])) continue;
      if (claimed.subarray(match.index, end).includes(1)) continue;
      add(detector.type, match.index, end);
    }
  }
  const taken = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  for (const detector of textDetectors) {
    if (!wanted.has(detector.type)) continue;
    for (const match of text.matchAll(detector.pattern)) {
      const value = detector.group ? match[detector.group] : match[0];
      if (!value) continue;
      const start = match.index + (detector.group ? match[0].lastIndexOf(value) : 0);
      const end = start + value.length;
      if (taken(start, end)) continue;
      hits.push({ type: detector.type, value, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
