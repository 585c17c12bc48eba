import { isValidIdCard, isValidIpv4, isValidIpv6, passesLuhn } from './pii-checksums';

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

/** A 17/18-digit number shaped like a resident ID (region, then a birth year and month/day digits) is not read as a card. */
const looksLikeIdNumber = (digits: string) =>
  (digits.length === 17 || digits.length === 18) && /^[1-9]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d/.test(digits);

const digitsOnly = (value: string) => value.replace(/\D/g, '');

/**
 * Order matters: earlier detectors claim their span first (an ID number is not also a bank
 * card, a mobile number inside a card number is not a phone).
 */
const detectors: Detector[] = [
  { type: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  {
    type: 'id_card',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g,
    valid: isValidIdCard,
  },
  {
    type: 'bank_card',
    pattern: /(?<![\d-])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![\dXx-])/g,
    valid: (value) => {
      const digits = digitsOnly(value);
      return digits.length >= 16 && digits.length <= 19 && !looksLikeIdNumber(digits) && passesLuhn(digits);
    },
  },
  {
    type: 'mobile',
    pattern: /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g,
  },
  {
    type: 'landline',
    pattern: /(?<!\d)(?:\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2}[ -]?)[2-9]\d{6,7}(?:-\d{1,5})?(?!\d)/g,
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

/** All personal data found in `text`, sorted by position, never overlapping. */
export function detectPii(text: string, types: readonly PiiType[] = piiTypes): PiiHit[] {
  const wanted = new Set(types);
  const hits: PiiHit[] = [];
  const taken = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  for (const detector of detectors) {
    if (!wanted.has(detector.type)) continue;
    for (const match of text.matchAll(detector.pattern)) {
      const value = detector.group ? match[detector.group] : match[0];
      if (!value) continue;
      const start = match.index + (detector.group ? match[0].lastIndexOf(value) : 0);
      const end = start + value.length;
      if (detector.valid && !detector.valid(value)) continue;
      if (taken(start, end)) continue;
      hits.push({ type: detector.type, value, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
