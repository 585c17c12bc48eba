/** View indices of one address. */
export interface EmailSpan {
  start: number;
  end: number;
}

const localChar = /^[\p{L}\p{N}\p{M}._%+'。-]$/u;
const domainChar = /^[\p{L}\p{N}\p{M}-]$/u;
const han = /\p{Script=Han}/u;
const isHan = (c: string) => han.test(c);
const isDot = (c: string | undefined) => c === '.' || c === '。';

/** Chinese top-level domains in use; a Chinese "TLD" glued to a sentence needs a known one. */
const hanTlds = [
  '中国',
  '中國',
  '公司',
  '网络',
  '網絡',
  '在线',
  '商城',
  '企业',
  '集团',
  '我爱你',
  '游戏',
  '信息',
  '网址',
  '网店',
  '中文网',
  '手机',
  '香港',
  '台湾',
  '台灣',
  '新加坡',
  '澳门',
  '澳門',
  '政务',
  '公益',
  '商店',
  '商标',
  '时尚',
  '健康',
  '招聘',
  '娱乐',
  '购物',
  '移动',
  '联通',
  '电讯',
  '微博',
].sort((x, y) => y.length - x.length);

/** Words that end a Chinese label before an address written right after it (`邮箱是张三@…`). */
const labelWord =
  /.*(?:邮箱|邮件|电邮|信箱|邮址|地址|账号|帐号|联系|是|为|到|至|给|向|发|寄|请|和|或|与|及)/su;

/**
 * E-mail addresses in the view (where `＠`, `%40`, `[at]` already read `@` and `．`/`。` are
 * dots): from each `@`, the local part leftwards and the domain rightwards, at most 64 and
 * 255 characters, so the scan stays linear. Unicode local parts and IDN domains count; a
 * local part glued to a Chinese sentence keeps only what follows its label, and a domain
 * glued to one ends at its TLD (`a@qq.com请回复` → `a@qq.com`).
 */
export function findEmails(text: string): EmailSpan[] {
  const spans: EmailSpan[] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < floor) continue;
    const start = localStart(text, at, floor);
    const end = domainEnd(text, at);
    if (start === undefined || end === undefined) continue;
    spans.push({ start, end });
    floor = end;
  }
  return spans;
}

function localStart(text: string, at: number, floor: number): number | undefined {
  let end = at;
  // `zhang @ example.com` is an address written loosely, `contact @example.com` a mention
  if (text[end - 1] === ' ' && text[at + 1] === ' ') end--;
  let start = end;
  while (start > floor && end - start < 64 && localChar.test(text[start - 1]!)) start--;
  // a local part is Chinese or not where it touches `@`: `联系abc@…` is `abc`, `邮箱是张三@…` is `张三`
  const chinese = isHan(text[end - 1] ?? '');
  let s = end;
  while (s > start && (isHan(text[s - 1]!) === chinese || '._+-。'.includes(text[s - 1]!))) s--;
  while (s < end && "._%+'-。".includes(text[s]!)) s++;
  if (chinese) {
    const label = labelWord.exec(text.slice(s, end));
    if (label) s += label[0].length;
  }
  return /[\p{L}\p{N}]/u.test(text.slice(s, end)) ? s : undefined;
}

function domainEnd(text: string, at: number): number | undefined {
  let i = at + 1;
  if (text[i] === ' ' && text[at - 1] === ' ') i++;
  const labels: { start: number; end: number }[] = [];
  let start = i;
  while (i - at <= 255) {
    const c = text[i];
    // Chinese after a Latin label or the reverse is the sentence going on: `qq.com。请回复`, `org创建`
    const letter = c !== undefined && domainChar.test(c);
    const switched = letter && i > start && isHan(c) !== isHan(text[i - 1]!);
    if (letter && !switched) {
      i++;
      continue;
    }
    if (i === start) break; // an empty label ends the domain (`a..b`, a trailing dot)
    labels.push({ start, end: i });
    if (switched || !isDot(c)) break;
    start = ++i;
  }
  for (let k = labels.length - 1; k >= 1; k--) {
    const tld = tldLength(text.slice(labels[k]!.start, labels[k]!.end));
    const hosts = labels.slice(0, k).map((l) => text.slice(l.start, l.end));
    if (tld > 0 && hosts.every((h) => !h.startsWith('-') && !h.endsWith('-'))) return labels[k]!.start + tld;
  }
  return undefined;
}

/** How much of a label is a top-level domain: `com`, `com请回复` → 3, `xn--fiqs8s`, `中国`, `рф`. */
function tldLength(label: string): number {
  const punycode = /^xn--[a-z0-9-]+/i.exec(label);
  if (punycode) return punycode[0].length;
  if (han.test(label[0]!)) return hanTlds.find((t) => label.startsWith(t))?.length ?? 0;
  // letters of one script, ended by the label or by another script glued on (`com请回复`, `рфxyz`)
  const letters = /^(?:[a-z]{2,63}|(?:(?![a-z\p{Script=Han}])[\p{L}\p{M}]){2,63})/iu.exec(label);
  if (!letters) return 0;
  // a digit or hyphen right after is no TLD (`com123`); another script is a word glued on
  return /^[0-9-]/.test(label.slice(letters[0].length)) ? 0 : letters[0].length;
}
