/** ISO 7064 MOD 11-2 check character of a mainland resident ID number (GB 11643). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return '10X98765432'[sum % 11]!;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The two-digit province codes of GB/T 2260 that begin an ID number. */
const provinces = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83, 91,
]);

const isRealDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** An 18-character ID: a province code, a real birth date between 1900 and 2099, the check char. */
export function isValidIdCard(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id) || !provinces.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  if (!isRealDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/**
 * A first-generation (1984–2004) 15-digit ID: a province code, a real birth date 19YYMMDD and
 * three sequence digits. It has no check digit, so this is all there is to check.
 */
export function isValidOldIdCard(id: string): boolean {
  if (!/^\d{15}$/.test(id) || !provinces.has(Number(id.slice(0, 2)))) return false;
  return isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** An 11-digit mainland mobile number in a block the MIIT has assigned (13x–19x). */
export const isMobileNumber = (digits: string) =>
  /^1(?:3\d|4[014-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/.test(digits);

/** A 17/18-digit number shaped like a resident ID (region, then a birth year and month/day digits). */
const looksLikeIdNumber = (digits: string) =>
  (digits.length === 17 || digits.length === 18) && /^[1-9]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d/.test(digits);

/**
 * A payment card: 16–19 digits under an issuer prefix (UnionPay 62/9, Visa 4, Mastercard
 * 51–55/22–27, JCB/Diners 3, Discover 6) and the Luhn check. A number shaped like an ID
 * number is not read as a card.
 */
export const isCardNumber = (digits: string) =>
  /^(?:2[2-7]|[3-6]|9)\d{15,18}$/.test(digits) && !looksLikeIdNumber(digits) && passesLuhn(digits);

/** The Luhn check of card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** RFC 4291 text forms, with an optional embedded IPv4 tail; no zone ids. */
export function isValidIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  let slots = all.length;
  const last = all.at(-1);
  if (last?.includes('.')) {
    if (!isValidIpv4(last)) return false;
    slots += 1;
    all.pop();
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? slots < 8 : slots === 8;
}

export function isValidIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(p));
}
