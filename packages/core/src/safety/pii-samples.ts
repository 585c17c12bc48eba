import { idCardCheckChar, passesLuhn } from './pii-checksums';
import type { PiiType } from './pii-detect';

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

const contexts = [
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

const group = (value: string, sep: string) => value.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
const hex = (r: Rand, n: number) =>
  Array.from({ length: n }, () => pick(r, [...'0123456789abcdef'])).join('');
const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '欧阳', '司马'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰'];
const firstNames = ['John', 'Mary', 'Alice', 'Robert', 'Linda', 'Wei', 'Chen'];
const lastNames = ['Smith', 'Brown', 'Wang', 'Li', 'Johnson', 'Garcia'];
const cities = ['北京市朝阳区建国路', '上海市浦东新区世纪大道', '深圳市南山区科技园路', '杭州市西湖区文三路'];

type Gen = (r: Rand) => string;

const valid: Record<PiiType, Gen> = {
  id_card: (r) => {
    const id = idNumber(r);
    return r() < 0.1 && id.endsWith('X') ? id.toLowerCase() : id;
  },
  mobile: (r) => {
    const n = `1${int(r, 3, 9)}${digits(r, 9)}`;
    const style = int(r, 0, 3);
    if (style === 0) return n;
    if (style === 1) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    if (style === 2) return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    return `+86 ${n}`;
  },
  landline: (r) => {
    const area = pick(r, ['010', '020', '021', '0755', '0571', '028', '0512']);
    const local = `${int(r, 2, 9)}${digits(r, area.length === 3 ? 7 : int(r, 6, 7))}`;
    return pick(r, [`${area}-${local}`, `(${area})${local}`, `${area} ${local}`]);
  },
  bank_card: (r) => {
    const n = cardNumber(r, pick(r, [16, 19]));
    return pick(r, [n, group(n, ' '), group(n, '-')]);
  },
  email: (r) =>
    `${pick(r, ['zhang.san', 'li_si', 'user', 'a.b+tag'])}${int(r, 1, 999)}@${pick(r, ['example.com', 'qq.com', '163.com', 'mail.example.cn'])}`,
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
    return r() < 0.8 ? id.slice(0, 17) + wrong : id.slice(0, 17);
  },
  mobile: (r) =>
    pick(r, [
      `1${int(r, 0, 2)}${digits(r, 9)}`,
      `1${int(r, 3, 9)}${digits(r, 8)}`,
      `1${int(r, 3, 9)}${digits(r, 10)}`,
    ]),
  landline: (r) =>
    pick(r, [`010-${digits(r, 5)}`, `010-1${digits(r, 7)}`, `10-${int(r, 2, 9)}${digits(r, 7)}`]),
  bank_card: (r) => {
    const n = cardNumber(r, pick(r, [16, 19]));
    const broken = n.slice(0, -1) + ((Number(n.at(-1)) + int(r, 1, 9)) % 10);
    return pick(r, [broken, group(broken, ' '), `62${digits(r, 12)}`]);
  },
  email: (r) =>
    pick(r, [
      `user${int(r, 1, 999)}example.com`,
      `user${int(r, 1, 99)}@localhost`,
      `@example.com`,
      `user@.com`,
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
    const value = valid[type](r);
    const wrap = pick(r, contexts);
    const labelled = type === 'name' ? `姓名：${value}` : type === 'address' ? `地址：${value}` : value;
    const english = type === 'name' && /^[A-Z]/.test(value) ? `Name: ${value}` : labelled;
    samples.push({ type, text: wrap(english), value });
    samples.push({ type, text: wrap(nearMiss[type](r)) });
  }
  return samples;
}
