/**
 * How people (and people evading a filter) write the four kinds of personal data that matter
 * most: each form turns a canonical value into a written one. The forms are the classes of
 * issue 12's attack (separators, invisibles, full-width, groupings, glued words, prefixes, old
 * IDs, Unicode addresses, `%40`) and feed both `piiSamples` and the per-form leak count.
 */
export type FormKind = 'mobile' | 'id_card' | 'bank_card' | 'email';

export interface Written {
  /** exactly what a detector must report */
  value: string;
  /** words glued on without a space (`电话` + value + `转`) */
  before?: string;
  after?: string;
}

export interface PiiForm {
  kind: FormKind;
  name: string;
  /** `canonical`: 11 mobile digits, an 18-char ID (15 digits for old ones), card digits, `local@domain` */
  write: (canonical: string) => Written;
  /** the canonical value this form needs; the default is the kind's usual one */
  needs?: 'old_id' | 'card19' | 'han_email' | 'idn_email';
}

/** Splits `value` into groups of the given sizes joined by `sep` (the last group takes the rest). */
export const grouped = (value: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= value.length) break;
    parts.push(value.slice(at, at + size));
    at += size;
  }
  if (at < value.length) parts.push(value.slice(at));
  return parts.join(sep);
};

const fullWidth = (value: string) =>
  value.replace(/[0-9A-Za-z@.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const between = (value: string, sep: string) => [...value].join(sep);
const digitsAs = (value: string, numerals: string) => value.replace(/\d/g, (d) => numerals[Number(d)]!);
const plain = (value: string): Written => ({ value });

/** Separators written between groups, by name. */
export const separators: Record<string, string> = {
  space: ' ',
  hyphen: '-',
  dot: '.',
  slash: '/',
  'en-dash': '\u2013',
  'em-dash': '\u2014',
  'unicode hyphen': '\u2010',
  'non-breaking hyphen': '\u2011',
  minus: '\u2212',
  'full-width hyphen': '\uff0d',
  'no-break space': '\u00a0',
  'ideographic space': '\u3000',
  'thin space': '\u2009',
  'narrow no-break space': '\u202f',
  'space-hyphen-space': ' - ',
};

/** Invisible characters slipped between every character. */
export const invisibles: Record<string, string> = {
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  BOM: '\ufeff',
  'soft hyphen': '\u00ad',
};

const mobileForms: PiiForm[] = [
  { kind: 'mobile', name: 'plain', write: plain },
  ...Object.entries(separators).map(
    ([name, sep]): PiiForm => ({
      kind: 'mobile',
      name: `3-4-4 ${name}`,
      write: (v) => plain(grouped(v, [3, 4], sep)),
    }),
  ),
  ...Object.entries(invisibles).map(
    ([name, sep]): PiiForm => ({ kind: 'mobile', name, write: (v) => plain(between(v, sep)) }),
  ),
  { kind: 'mobile', name: '4-4-3', write: (v) => plain(grouped(v, [4, 4], ' ')) },
  { kind: 'mobile', name: '3-3-5', write: (v) => plain(grouped(v, [3, 3], '-')) },
  { kind: 'mobile', name: '3-8', write: (v) => plain(grouped(v, [3], ' ')) },
  { kind: 'mobile', name: 'digit by digit', write: (v) => plain(between(v, ' ')) },
  { kind: 'mobile', name: 'full-width digits', write: (v) => plain(fullWidth(v)) },
  { kind: 'mobile', name: 'full-width 3-4-4', write: (v) => plain(fullWidth(grouped(v, [3, 4], '-'))) },
  { kind: 'mobile', name: '+86', write: (v) => plain(`+86 ${v}`) },
  { kind: 'mobile', name: '+86 glued', write: (v) => plain(`+86${v}`) },
  { kind: 'mobile', name: '+86-3-4-4', write: (v) => plain(`+86-${grouped(v, [3, 4], '-')}`) },
  { kind: 'mobile', name: '0086', write: (v) => plain(`0086 ${v}`) },
  { kind: 'mobile', name: '(86)', write: (v) => plain(`(86)${v}`) },
  { kind: 'mobile', name: '（+86）', write: (v) => plain(`（+86）${grouped(v, [3, 4], ' ')}`) },
  { kind: 'mobile', name: 'Chinese glued', write: (v) => ({ value: v, before: '电话', after: '转' }) },
  { kind: 'mobile', name: 'letters glued', write: (v) => ({ value: v, before: 'abc', after: 'xyz' }) },
  { kind: 'mobile', name: 'Chinese numerals', write: (v) => plain(digitsAs(v, '〇一二三四五六七八九')) },
  { kind: 'mobile', name: '幺 numerals', write: (v) => plain(digitsAs(v, '零幺二三四五六七八九')) },
  {
    kind: 'mobile',
    name: 'interrupted by words',
    write: (v) => plain(`${v.slice(0, 3)} 我的 ${v.slice(3, 7)} 号码 ${v.slice(7)}`),
  },
  {
    kind: 'mobile',
    name: 'full-width + zero-width',
    write: (v) => plain(between(fullWidth(v), '\u200b')),
  },
];

const idForms: PiiForm[] = [
  { kind: 'id_card', name: 'plain', write: plain },
  { kind: 'id_card', name: 'lower-case x', write: (v) => plain(v.toLowerCase()) },
  ...['space', 'hyphen', 'en-dash', 'no-break space', 'ideographic space', 'dot', 'slash'].map(
    (name): PiiForm => ({
      kind: 'id_card',
      name: `6-8-4 ${name}`,
      write: (v) => plain(grouped(v, [6, 8], separators[name]!)),
    }),
  ),
  { kind: 'id_card', name: '6-4-4-4', write: (v) => plain(grouped(v, [6, 4, 4], ' ')) },
  { kind: 'id_card', name: '3-3-4-4-4', write: (v) => plain(grouped(v, [3, 3, 4, 4], ' ')) },
  ...Object.entries(invisibles).map(
    ([name, sep]): PiiForm => ({ kind: 'id_card', name, write: (v) => plain(between(v, sep)) }),
  ),
  { kind: 'id_card', name: 'full-width', write: (v) => plain(fullWidth(v)) },
  { kind: 'id_card', name: 'Chinese glued', write: (v) => ({ value: v, before: '身份证号', after: '的' }) },
  { kind: 'id_card', name: 'letters glued', write: (v) => ({ value: v, before: 'ID', after: 'ok' }) },
  {
    kind: 'id_card',
    name: 'interrupted by words',
    write: (v) => plain(`${v.slice(0, 6)} 出生 ${v.slice(6, 14)} 尾号 ${v.slice(14)}`),
  },
  { kind: 'id_card', name: 'old 15-digit', needs: 'old_id', write: plain },
  {
    kind: 'id_card',
    name: 'old 15-digit 6-6-3',
    needs: 'old_id',
    write: (v) => plain(grouped(v, [6, 6], ' ')),
  },
  {
    kind: 'id_card',
    name: 'old 15-digit glued',
    needs: 'old_id',
    write: (v) => ({ value: v, before: '身份证', after: '号' }),
  },
];

const cardForms: PiiForm[] = [
  { kind: 'bank_card', name: 'plain', write: plain },
  ...Object.entries(separators).map(
    ([name, sep]): PiiForm => ({
      kind: 'bank_card',
      name: `4-4-4-4 ${name}`,
      write: (v) => plain(grouped(v, [4, 4, 4], sep)),
    }),
  ),
  ...Object.entries(invisibles).map(
    ([name, sep]): PiiForm => ({ kind: 'bank_card', name, write: (v) => plain(between(v, sep)) }),
  ),
  {
    kind: 'bank_card',
    name: '19 digits 4-4-4-4-3',
    needs: 'card19',
    write: (v) => plain(grouped(v, [4, 4, 4, 4], ' ')),
  },
  { kind: 'bank_card', name: '19 digits 6-13', needs: 'card19', write: (v) => plain(grouped(v, [6], ' ')) },
  { kind: 'bank_card', name: 'full-width', write: (v) => plain(fullWidth(v)) },
  { kind: 'bank_card', name: 'Chinese glued', write: (v) => ({ value: v, before: '卡号', after: '转账' }) },
  { kind: 'bank_card', name: 'letters glued', write: (v) => ({ value: v, before: 'card', after: 'end' }) },
];

const swapAt = (v: string, at: string) => v.replace('@', at);

const emailForms: PiiForm[] = [
  { kind: 'email', name: 'plain', write: plain },
  { kind: 'email', name: 'full-width ＠', write: (v) => plain(swapAt(v, '＠')) },
  { kind: 'email', name: 'small ﹫', write: (v) => plain(swapAt(v, '﹫')) },
  { kind: 'email', name: 'full-width ．', write: (v) => plain(v.replaceAll('.', '．')) },
  { kind: 'email', name: 'ideographic 。', write: (v) => plain(v.replaceAll('.', '。')) },
  { kind: 'email', name: 'all full-width', write: (v) => plain(fullWidth(v)) },
  { kind: 'email', name: '%40', write: (v) => plain(swapAt(v, '%40')) },
  { kind: 'email', name: '[at]', write: (v) => plain(swapAt(v, '[at]')) },
  { kind: 'email', name: '(at) (dot)', write: (v) => plain(swapAt(v, ' (at) ').replaceAll('.', ' (dot) ')) },
  { kind: 'email', name: 'spaces around @', write: (v) => plain(swapAt(v, ' @ ')) },
  { kind: 'email', name: 'zero-width inside', write: (v) => plain(between(v, '\u200b')) },
  { kind: 'email', name: 'upper case', write: (v) => plain(v.toUpperCase()) },
  { kind: 'email', name: 'Chinese glued', write: (v) => ({ value: v, before: '邮箱', after: '请回复' }) },
  { kind: 'email', name: 'Chinese local part', needs: 'han_email', write: plain },
  { kind: 'email', name: 'IDN domain', needs: 'idn_email', write: plain },
  {
    kind: 'email',
    name: 'IDN glued',
    needs: 'idn_email',
    write: (v) => ({ value: v, before: '发到', after: '谢谢' }),
  },
];

export const piiForms: readonly PiiForm[] = [...mobileForms, ...idForms, ...cardForms, ...emailForms];
