import { idCardCheckChar, passesLuhn } from './pii-checksums';
import type { PiiType } from './pii-detect';
import { type FormKind, type PiiForm, piiForms, type Written } from './pii-forms';

/**
 * Generated test data for the PII detectors: valid values and near misses (a wrong check
 * digit, an impossible date, a wrong prefix or length), each inside a sentence. Deterministic,
 * so the printed recall/precision is reproducible.
 */
export interface PiiSample {
  type: PiiType;
  text: string;
  /** the value a detector must report; absent for near misses, which must report nothing */
  value?: string;
}

type Rand = () => number;

export function seededRandom(seed: number): Rand {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const sampleContexts = [
  (v: string) => `我的信息是${v}，请查收。`,
  (v: string) => `please contact ${v} tomorrow`,
  (v: string) => `记录：${v}`,
  (v: string) => `${v} 是客户留下的`,
  (v: string) => `Value (${v}) was submitted.`,
];

const regions = ['110101', '310104', '440305', '320102', '510107', '330106', '420111', '610113'];

function idNumber(r: Rand, validDate = true): string {
  const year = int(r, 1940, 2012);
  const month = validDate ? int(r, 1, 12) : pick(r, [13, 0, 2]);
  const day = validDate ? int(r, 1, 28) : month === 2 ? 30 : int(r, 1, 28);
  const body = `${pick(r, regions)}${year}${pad(month, 2)}${pad(day, 2)}${digits(r, 3)}`;
  return body + idCardCheckChar(body);
}

function cardNumber(r: Rand, length: number): string {
  const body = `62${digits(r, length - 3)}`;
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

/** An assigned mobile block (13x–19x), so every generated number is a real one. */
const mobileBlocks = ['13', '145', '147', '15', '166', '17', '18', '19'];

export function mobileNumber(r: Rand): string {
  let prefix = pick(r, mobileBlocks);
  if (prefix === '13' || prefix === '18') prefix += int(r, 0, 9);
  else if (prefix === '15') prefix += pick(r, [0, 1, 2, 3, 5, 6, 7, 8, 9]);
  else if (prefix === '17') prefix += int(r, 0, 8);
  else if (prefix === '19') prefix += pick(r, [0, 1, 2, 3, 5, 6, 7, 8, 9]);
  return prefix + digits(r, 11 - prefix.length);
}

/** A first-generation 15-digit ID: region, YYMMDD, three digits. */
export function oldIdNumber(r: Rand): string {
  return `${pick(r, regions)}${pad(int(r, 30, 99), 2)}${pad(int(r, 1, 12), 2)}${pad(int(r, 1, 28), 2)}${digits(r, 3)}`;
}

const locals = ['zhang.san', 'li_si', 'user', 'a.b+tag', 'Wang-Wu'];
const hanLocals = ['张三', '李四', '用户', '王小明', 'café'];
const idnDomains = ['例子.中国', '公司.com', 'bücher.de', 'пример.рф', '邮件.公司'];

export function emailAddress(r: Rand, needs?: PiiForm['needs']): string {
  const local = needs === 'han_email' ? pick(r, hanLocals) : `${pick(r, locals)}${int(r, 1, 999)}`;
  const domain =
    needs === 'idn_email'
      ? pick(r, idnDomains)
      : pick(r, ['example.com', 'qq.com', '163.com', 'mail.example.cn', 'sub.corp.example.org']);
  return `${local}@${domain}`;
}

/** The canonical value a form of `kind` writes. */
export function canonicalValue(r: Rand, kind: FormKind, needs?: PiiForm['needs']): string {
  if (kind === 'mobile') return mobileNumber(r);
  if (kind === 'id_card') return needs === 'old_id' ? oldIdNumber(r) : idNumber(r);
  if (kind === 'bank_card') return cardNumber(r, needs === 'card19' ? 19 : pick(r, [16, 19]));
  return emailAddress(r, needs);
}

/** One value of `kind`, written in one of its forms at random. */
function writtenForm(r: Rand, kind: FormKind): Written {
  const form = pick(
    r,
    piiForms.filter((f) => f.kind === kind),
  );
  return form.write(canonicalValue(r, kind, form.needs));
}

const group = (value: string, sep: string) => value.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
const hex = (r: Rand, n: number) =>
  Array.from({ length: n }, () => pick(r, [...'0123456789abcdef'])).join('');
const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '欧阳', '司马'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰'];
const firstNames = ['John', 'Mary', 'Alice', 'Robert', 'Linda', 'Wei', 'Chen'];
const lastNames = ['Smith', 'Brown', 'Wang', 'Li', 'Johnson', 'Garcia'];
const cities = ['北京市朝阳区建国路', '上海市浦东新区世纪大道', '深圳市南山区科技园路', '杭州市西湖区文三路'];

type Gen = (r: Rand) => string;

const valid: Record<PiiType, (r: Rand) => string | Written> = {
  id_card: (r) => writtenForm(r, 'id_card'),
  mobile: (r) => writtenForm(r, 'mobile'),
  landline: (r) => {
    const area = pick(r, ['010', '020', '021', '0755', '0571', '028', '0512']);
    const local = `${int(r, 2, 9)}${digits(r, area.length === 3 ? 7 : int(r, 6, 7))}`;
    return pick(r, [`${area}-${local}`, `(${area})${local}`, `${area} ${local}`]);
  },
  bank_card: (r) => writtenForm(r, 'bank_card'),
  email: (r) => writtenForm(r, 'email'),
  ipv4: (r) => [int(r, 1, 255), int(r, 0, 255), int(r, 0, 255), int(r, 0, 254)].join('.'),
  ipv6: (r) => {
    const style = int(r, 0, 2);
    if (style === 0) return Array.from({ length: 8 }, () => hex(r, int(r, 1, 4))).join(':');
    if (style === 1) return `2001:db8::${hex(r, int(r, 1, 4))}`;
    return `::ffff:192.168.${int(r, 0, 255)}.${int(r, 1, 254)}`;
  },
  passport: (r) =>
    pick(r, [`E${digits(r, 8)}`, `G${digits(r, 8)}`, `E${pick(r, [...'ABCDEFGH'])}${digits(r, 7)}`]),
  name: (r) =>
    r() < 0.7
      ? pick(r, surnames) + pick(r, given) + (r() < 0.5 ? pick(r, given) : '')
      : `${pick(r, firstNames)} ${pick(r, lastNames)}`,
  address: (r) => `${pick(r, cities)}${int(r, 1, 300)}号${int(r, 1, 30)}栋${int(r, 101, 2999)}室`,
};

const nearMiss: Record<PiiType, Gen> = {
  id_card: (r) => {
    const id = idNumber(r, r() < 0.5);
    if (!/^\d{6}(19|20)\d{2}(0[1-9]|1[0-2])/.test(id)) return id;
    const wrong = pick(
      r,
      [...'0123456789X'].filter((c) => c !== id[17]),
    );
    if (r() < 0.2)
      return `${pick(r, regions)}${int(r, 30, 99)}${pick(r, ['13', '00'])}${pad(int(r, 1, 28), 2)}${digits(r, 3)}`;
    return r() < 0.8 ? id.slice(0, 17) + wrong : id.slice(0, 17);
  },
  mobile: (r) =>
    pick(r, [
      `1${int(r, 0, 2)}${digits(r, 9)}`,
      `1${int(r, 3, 9)}${digits(r, 8)}`,
      `1${int(r, 3, 9)}${digits(r, 10)}`,
      // unassigned blocks, a 12-digit grouping, a decimal, a 4th group of the same number
      `${pick(r, ['154', '160', '161', '168', '179', '194'])}${digits(r, 8)}`,
      `${mobileNumber(r).slice(0, 3)} ${digits(r, 4)} ${digits(r, 5)}`,
      `${mobileNumber(r).slice(0, 2)}.${digits(r, 9)}`,
      `${digits(r, 4)} ${mobileNumber(r).slice(0, 3)} ${digits(r, 4)} ${digits(r, 4)}`,
      `v1.${mobileNumber(r)}`,
    ]),
  landline: (r) =>
    pick(r, [`010-${digits(r, 5)}`, `010-1${digits(r, 7)}`, `10-${int(r, 2, 9)}${digits(r, 7)}`]),
  bank_card: (r) => {
    const n = cardNumber(r, pick(r, [16, 19]));
    const broken = n.slice(0, -1) + ((Number(n.at(-1)) + int(r, 1, 9)) % 10);
    return pick(r, [
      broken,
      group(broken, ' '),
      `62${digits(r, 12)}`,
      `${int(r, 2020, 2025)}/0${int(r, 1, 9)}/1${int(r, 0, 9)} ${int(r, 2020, 2025)}/0${int(r, 1, 9)}/1${int(r, 0, 9)}`,
    ]);
  },
  email: (r) =>
    pick(r, [
      `user${int(r, 1, 999)}example.com`,
      `user${int(r, 1, 99)}@localhost`,
      `@example.com`,
      `user@.com`,
      `ping @example.com`,
      `pi @ 3.14`,
      `user@example.`,
    ]),
  ipv4: (r) =>
    pick(r, [
      `${int(r, 256, 999)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}`,
      `${int(r, 1, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}`,
      `${int(r, 1, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}`,
    ]),
  ipv6: (r) =>
    pick(r, [
      `2001:db8::${hex(r, 5)}`,
      Array.from({ length: 9 }, () => hex(r, 2)).join(':'),
      `2001::db8::${hex(r, 2)}`,
      `fe80:${hex(r, 3)}g:1::1`,
    ]),
  passport: (r) => pick(r, [`E${digits(r, 7)}`, `X${digits(r, 8)}`, `E${digits(r, 9)}`, `G${digits(r, 8)}A`]),
  name: (r) =>
    pick(r, [
      '名字很重要',
      '请填写姓名',
      'username: Alice',
      'the file name is long',
      `姓名 ${pick(r, ['未知', ''])}`,
    ]),
  address: (r) =>
    pick(r, ['在地址栏里输入网址', 'IP address is dynamic', '邮件地址不对', `address book ${int(r, 1, 9)}`]),
};

/** `count` valid samples and `count` near misses of one type. */
export function piiSamples(type: PiiType, count: number, seed = 42): PiiSample[] {
  const r = seededRandom(seed);
  const samples: PiiSample[] = [];
  for (let i = 0; i < count; i++) {
    const made = valid[type](r);
    const { value, before = '', after = '' } = typeof made === 'string' ? { value: made } : made;
    const wrap = pick(r, sampleContexts);
    const labelled = type === 'name' ? `姓名：${value}` : type === 'address' ? `地址：${value}` : value;
    const english = type === 'name' && /^[A-Z]/.test(value) ? `Name: ${value}` : labelled;
    samples.push({ type, text: wrap(before + english + after), value });
    samples.push({ type, text: wrap(nearMiss[type](r)) });
  }
  return samples;
}
