import { idCardCheckChar, passesLuhn } from './pii-checksums';
import { seededRandom } from './pii-samples';

/**
 * A held-out battery, written after the detector and independent of `pii-forms.ts`: every
 * kind × every separator × every grouping × every glued context, generated combinatorially.
 * It includes separators the detector does not claim to read (comma, tilde, pipe, newline,
 * katakana ー), so its rate is a measurement, not a target.
 */
export interface HeldOutCase {
  kind: 'mobile' | 'id_card' | 'bank_card' | 'email';
  /** what varies: `separator:en-dash`, `grouping:6-8-4`, `context:Chinese after`… */
  classes: string[];
  text: string;
  /** the written value; absent for a broken look-alike (wrong check digit), which must not be found */
  value?: string;
}

const seps: Record<string, string> = {
  none: '',
  space: ' ',
  'double space': '  ',
  hyphen: '-',
  'en-dash': '–',
  'em-dash': '—',
  'figure dash': '‒',
  'horizontal bar': '―',
  'small em dash': '﹘',
  'full-width hyphen': '－',
  dot: '.',
  'full-width dot': '．',
  'middle dot': '·',
  'hyphenation point': '‧',
  slash: '/',
  'full-width slash': '／',
  backslash: '\\',
  underscore: '_',
  'no-break space': '\u00a0',
  'ideographic space': '\u3000',
  'thin space': '\u2009',
  'hair space': '\u200a',
  'figure space': '\u2007',
  'punctuation space': '\u2008',
  'medium math space': '\u205f',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  BOM: '\ufeff',
  'soft hyphen': '\u00ad',
  'space + ZWSP': ' \u200b',
  'mongolian vowel separator': '\u180e',
  // not claimed: ordinary punctuation between numbers, or line breaks
  comma: ',',
  tilde: '~',
  pipe: '|',
  newline: '\n',
  'katakana ー': 'ー',
};

const groupings: Record<string, Record<string, number[]>> = {
  mobile: {
    '11': [11],
    '3-4-4': [3, 4, 4],
    '4-4-3': [4, 4, 3],
    '3-3-5': [3, 3, 5],
    '3-8': [3, 8],
    '7-4': [7, 4],
    '5-6': [5, 6],
    '2-3-3-3': [2, 3, 3, 3],
    'digit by digit': Array(11).fill(1),
  },
  id18: {
    '18': [18],
    '6-8-4': [6, 8, 4],
    '6-4-4-4': [6, 4, 4, 4],
    '3-3-4-4-4': [3, 3, 4, 4, 4],
    '6-6-6': [6, 6, 6],
    '9-9': [9, 9],
    '4-4-4-4-2': [4, 4, 4, 4, 2],
  },
  id15: { '15': [15], '6-6-3': [6, 6, 3], '6-9': [6, 9], '3-3-3-3-3': [3, 3, 3, 3, 3] },
  card16: { '16': [16], '4-4-4-4': [4, 4, 4, 4], '6-10': [6, 10], '8-8': [8, 8] },
  card19: { '19': [19], '4-4-4-4-3': [4, 4, 4, 4, 3], '6-13': [6, 13], '4-4-4-7': [4, 4, 4, 7] },
};

const contexts: Record<string, [string, string]> = {
  'spaced sentence': ['请联系 ', ' 谢谢'],
  'Chinese before': ['手机号码是', '，谢谢'],
  'Chinese after': ['号码 ', '转分机'],
  'Chinese both': ['电话', '找王先生'],
  'letters before': ['abc', ' ok'],
  'letters after': ['see ', 'xyz'],
  'letters both': ['Tel', 'ext'],
  'full-width parentheses': ['（', '）'],
  brackets: ['【', '】'],
  quotes: ['“', '”'],
  'English sentence': ['Please call ', ' tomorrow.'],
  'colon label': ['卡号：', '。'],
  'start and end': ['', ''],
};

const digitScripts: Record<string, (d: string) => string> = {
  ascii: (d) => d,
  'full-width': (d) => d.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c))),
  // stretch: Chinese numerals
  'Chinese numerals': (d) => d.replace(/\d/g, (c) => '〇一二三四五六七八九'[Number(c)]!),
};

const write = (digits: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
};

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const digitsOf = (r: Rand, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
const pad = (n: number) => String(n).padStart(2, '0');

function mobile(r: Rand): string {
  const blocks = [
    '130',
    '131',
    '135',
    '139',
    '147',
    '150',
    '153',
    '158',
    '166',
    '170',
    '176',
    '181',
    '186',
    '189',
    '191',
    '199',
  ];
  return blocks[int(r, 0, blocks.length - 1)]! + digitsOf(r, 8);
}

function id18(r: Rand, broken: boolean): string {
  const regions = ['110108', '120104', '130602', '210203', '320583', '350203', '440106', '500112', '650102'];
  const body = `${regions[int(r, 0, regions.length - 1)]}${int(r, 1950, 2010)}${pad(int(r, 1, 12))}${pad(int(r, 1, 28))}${digitsOf(r, 3)}`;
  const check = idCardCheckChar(body);
  // a broken one gets a wrong digit (never X, so the digits are all there is)
  return body + (broken ? String((Number(check === 'X' ? 10 : check) + int(r, 1, 8)) % 10) : check);
}

function id15(r: Rand): string {
  const regions = ['110108', '310115', '440304', '510104'];
  return `${regions[int(r, 0, 3)]}${int(r, 40, 99)}${pad(int(r, 1, 12))}${pad(int(r, 1, 28))}${digitsOf(r, 3)}`;
}

function card(r: Rand, length: number, broken: boolean): string {
  const prefixes = ['622202', '621700', '436742', '552599', '623668', '955880'];
  const body = prefixes[int(r, 0, prefixes.length - 1)]! + digitsOf(r, length - 7);
  for (let d = 0; d <= 9; d++) {
    const ok = passesLuhn(body + d);
    if (ok !== broken) return body + d;
  }
  throw new Error('unreachable');
}

/** Every digit kind × separator × grouping × context × digit script, in a fixed order. */
export function heldOutDigitCases(): HeldOutCase[] {
  const r = seededRandom(31337);
  const cases: HeldOutCase[] = [];
  const shapes: [HeldOutCase['kind'], string, (broken: boolean) => string][] = [
    ['mobile', 'mobile', () => mobile(r)],
    ['id_card', 'id18', (broken) => id18(r, broken)],
    ['id_card', 'id15', () => id15(r)],
    ['bank_card', 'card16', (broken) => card(r, 16, broken)],
    ['bank_card', 'card19', (broken) => card(r, 19, broken)],
  ];
  for (const [kind, shape, make] of shapes)
    for (const [groupName, sizes] of Object.entries(groupings[shape]!))
      for (const [sepName, sep] of Object.entries(seps)) {
        if ((sizes.length === 1) !== (sepName === 'none')) continue;
        for (const [contextName, [before, after]] of Object.entries(contexts))
          for (const [scriptName, script] of Object.entries(digitScripts)) {
            if (scriptName !== 'ascii' && contextName !== 'spaced sentence') continue;
            const classes = [
              `kind:${shape}`,
              `separator:${sepName}`,
              `grouping:${shape} ${groupName}`,
              `context:${contextName}`,
              `digits:${scriptName}`,
            ];
            const value = script(write(make(false), sizes, sep));
            cases.push({ kind, classes, text: before + value + after, value });
            if (shape === 'id18' || shape.startsWith('card')) {
              const brokenValue = script(write(make(true), sizes, sep));
              cases.push({ kind, classes: [...classes, 'broken'], text: before + brokenValue + after });
            }
          }
      }
  return cases;
}

/** Mobile dialing prefixes × separators. */
export function heldOutPrefixCases(): HeldOutCase[] {
  const r = seededRandom(4242);
  const prefixes = [
    '+86',
    '+86 ',
    '+86-',
    '0086',
    '0086 ',
    '(86)',
    '(+86) ',
    '（+86）',
    '+86 (0)',
    '86 ',
    '＋８６ ',
  ];
  const cases: HeldOutCase[] = [];
  for (const prefix of prefixes)
    for (const [sepName, sizes] of [
      ['none', [11]],
      ['space', [3, 4, 4]],
      ['hyphen', [3, 4, 4]],
    ] as const) {
      const value =
        prefix + write(mobile(r), [...sizes], sepName === 'none' ? '' : sepName === 'space' ? ' ' : '-');
      cases.push({
        kind: 'mobile',
        classes: [`prefix:${prefix.trim()}`, `separator:${sepName}`],
        text: `电话：${value}，谢谢`,
        value,
      });
    }
  return cases;
}

const ats: Record<string, string> = {
  '@': '@',
  '＠': '＠',
  '﹫': '﹫',
  '%40': '%40',
  '[at]': '[at]',
  '(at)': '(at)',
  '{at}': '{at}',
  '<at>': '<at>',
  '【at】': '【at】',
  ' [AT] ': ' [AT] ',
  ' @ ': ' @ ',
  'ZWSP@ZWSP': '\u200b@\u200b',
  // not claimed: a bare word
  ' at ': ' at ',
};
const dotForms: Record<string, string> = {
  '.': '.',
  '．': '．',
  '。': '。',
  '｡': '｡',
  '[dot]': '[dot]',
  '(dot)': '(dot)',
  'ZWSP.': '\u200b.',
  // not claimed: a bare word
  ' dot ': ' dot ',
};
const addresses: [string, string, string][] = [
  ['ascii', 'zhang.san88', 'example.com'],
  ['ascii subdomain', 'li_si', 'mail.corp.example.cn'],
  ['Chinese local', '张三', 'qq.com'],
  ['accented local', 'josé.garcía', 'correo.es'],
  ['IDN domain', 'info', '例子.中国'],
  ['IDN + Chinese local', '王五', '公司.中国'],
  ['Cyrillic domain', 'ivan', 'почта.рф'],
  ['full-width letters', 'ｚｈａｎｇ', 'ｅｘａｍｐｌｅ.ｃｏｍ'],
  ['digits local (QQ)', '123456789', 'qq.com'],
];

/** Every address × `@` form × dot form × context. */
export function heldOutEmailCases(): HeldOutCase[] {
  const cases: HeldOutCase[] = [];
  for (const [addressName, local, domain] of addresses)
    for (const [atName, at] of Object.entries(ats))
      for (const [dotName, dot] of Object.entries(dotForms))
        for (const [contextName, [before, after]] of Object.entries(contexts)) {
          if (contextName !== 'spaced sentence' && (atName !== '@' || dotName !== '.')) continue;
          const value = local + at + domain.replaceAll('.', dot);
          cases.push({
            kind: 'email',
            classes: [`address:${addressName}`, `at:${atName}`, `dot:${dotName}`, `context:${contextName}`],
            text: before + value + after,
            value,
          });
        }
  return cases;
}

export const heldOutCases = (): HeldOutCase[] => [
  ...heldOutDigitCases(),
  ...heldOutPrefixCases(),
  ...heldOutEmailCases(),
];
