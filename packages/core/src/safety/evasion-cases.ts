/**
 * The moderation evasion suite: each case is a text and the lexicon terms it must hit
 * (empty = must not match anything). Terms come from `evasionLexicon`.
 */
export const evasionLexicon = [
  '法轮功',
  '冰毒',
  '海洛因',
  '代开发票',
  '洗钱',
  '办假证',
  '刷单返利',
  '枪支弹药',
  'fraud',
  'money laundering',
  'fake passport',
  'meth',
  'cocaine',
  'counterfeit bills',
  'detonator',
];

export interface EvasionCase {
  name: string;
  text: string;
  expect: string[];
}

const zw = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

export const evasionCases: EvasionCase[] = [
  { name: 'plain zh', text: '哪里能买到冰毒', expect: ['冰毒'] },
  { name: 'plain en', text: 'this is fraud.', expect: ['fraud'] },
  { name: 'asterisk separators', text: '法*轮*功', expect: ['法轮功'] },
  { name: 'dot separators', text: '法.轮.功', expect: ['法轮功'] },
  { name: 'spaces', text: '法 轮 功', expect: ['法轮功'] },
  { name: 'full-width spaces', text: '法\u3000轮\u3000功', expect: ['法轮功'] },
  { name: 'mixed punctuation', text: '代-开_发/票', expect: ['代开发票'] },
  { name: 'chinese punctuation', text: '洗，钱。', expect: ['洗钱'] },
  { name: 'emoji between', text: '冰😀毒', expect: ['冰毒'] },
  { name: 'newline between', text: '海洛\n因', expect: ['海洛因'] },
  { name: 'tab between', text: '办\t假\t证', expect: ['办假证'] },
  { name: 'symbols between', text: '刷★单☆返◆利', expect: ['刷单返利'] },
  { name: 'brackets between', text: '【枪】【支】【弹】【药】', expect: ['枪支弹药'] },
  ...zw.map((z, i) => ({ name: `zero-width ${i + 1} zh`, text: `冰${z}毒`, expect: ['冰毒'] })),
  ...zw.map((z, i) => ({ name: `zero-width ${i + 1} en`, text: `f${z}r${z}a${z}u${z}d`, expect: ['fraud'] })),
  { name: 'soft hyphen', text: 'co\u00adcaine', expect: ['cocaine'] },
  { name: 'combining marks', text: 'f\u0336r\u0336a\u0336u\u0336d\u0336', expect: ['fraud'] },
  { name: 'traditional', text: '法輪功', expect: ['法轮功'] },
  { name: 'traditional 2', text: '代開發票', expect: ['代开发票'] },
  { name: 'traditional 3', text: '洗錢', expect: ['洗钱'] },
  { name: 'traditional 4', text: '辦假證', expect: ['办假证'] },
  { name: 'traditional 5', text: '槍支彈藥', expect: ['枪支弹药'] },
  { name: 'traditional + separators', text: '刷·單·返·利', expect: ['刷单返利'] },
  { name: 'taiwan variant form', text: '海洛因與冰毒', expect: ['海洛因', '冰毒'] },
  { name: 'full-width latin', text: 'ｆｒａｕｄ', expect: ['fraud'] },
  { name: 'full-width upper', text: 'ＣＯＣＡＩＮＥ', expect: ['cocaine'] },
  { name: 'upper case', text: 'FRAUD', expect: ['fraud'] },
  { name: 'mixed case', text: 'FrAuD', expect: ['fraud'] },
  { name: 'mixed case phrase', text: 'Money LAUNDERING scheme', expect: ['money laundering'] },
  { name: 'phrase without space', text: 'moneylaundering', expect: ['money laundering'] },
  { name: 'phrase with dots', text: 'fake.passport', expect: ['fake passport'] },
  { name: 'math bold letters', text: '𝐟𝐫𝐚𝐮𝐝', expect: ['fraud'] },
  { name: 'math script letters', text: '𝓶𝓮𝓽𝓱', expect: ['meth'] },
  { name: 'circled letters', text: 'ⓕⓡⓐⓤⓓ', expect: ['fraud'] },
  { name: 'cyrillic look-alikes', text: 'frаud', expect: ['fraud'] },
  { name: 'cyrillic c and o', text: 'сосaine', expect: ['cocaine'] },
  { name: 'spread letters', text: 'f r a u d', expect: ['fraud'] },
  { name: 'hyphenated letters', text: 'm-e-t-h', expect: ['meth'] },
  { name: 'two terms', text: '冰毒和海洛因', expect: ['冰毒', '海洛因'] },
  { name: 'term inside sentence', text: '有人问我怎么洗钱最快', expect: ['洗钱'] },
  { name: 'latin next to chinese', text: '这是fraud吗', expect: ['fraud'] },
  { name: 'full-width digits in phrase', text: '办假证１２３', expect: ['办假证'] },
  { name: 'counterfeit phrase', text: 'selling Counterfeit Bills', expect: ['counterfeit bills'] },
  { name: 'many separators', text: '冰 - - - 毒', expect: ['冰毒'] },
  // must not match
  { name: 'word containing term', text: 'fraudulent accounting', expect: [] },
  { name: 'term inside longer word', text: 'the method works', expect: [] },
  { name: 'prefix inside word', text: 'defraud nobody', expect: [] },
  { name: 'cocaine-like word', text: 'cocaines', expect: [] },
  { name: 'across words', text: 'some thin gloves', expect: [] },
  { name: 'partial zh', text: '冰淇淋和毒蘑菇', expect: [] },
  { name: 'partial zh 2', text: '法律与轮回的功课', expect: [] },
  { name: 'unrelated zh', text: '今天天气很好，我们去公园吧', expect: [] },
  { name: 'unrelated en', text: 'The quick brown fox jumps over the lazy dog', expect: [] },
  { name: 'similar zh', text: '洗衣服要用钱吗', expect: [] },
  { name: 'passport alone', text: 'renew my passport', expect: [] },
  { name: 'money alone', text: 'money matters', expect: [] },
  { name: 'bills alone', text: 'pay the bills', expect: [] },
  { name: 'invoice talk', text: '如何开具增值税发票', expect: [] },
  { name: 'metho word', text: 'methodology and mathematics', expect: [] },
  { name: 'latin inside word across zw', text: 'de\u200bfraud', expect: [] },
];
