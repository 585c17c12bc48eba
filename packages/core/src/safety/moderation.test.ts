import { expect, test } from 'vitest';
import { formatLexiconCsv, parseLexiconFile } from './lexicon-file';
import { compileLexicon, moderateText } from './moderation';

const matcher = compileLexicon([
  { term: '冰毒', category: 'illegal_goods', action: 'block' },
  { term: '刷单', category: 'fraud', action: 'mask' },
  { term: 'spam', category: 'custom', action: 'warn' },
]);

test('the strongest action wins and mask hits are starred in the original text', () => {
  expect(moderateText(matcher, '刷*单赚钱 spam').text).toBe('＊＊＊赚钱 spam');
  expect(moderateText(matcher, '刷*单赚钱 spam').action).toBe('mask');
  expect(moderateText(matcher, '刷单和冰毒').action).toBe('block');
  expect(moderateText(matcher, '正常内容')).toMatchObject({ action: null, hits: [] });
});

test('lexicon files: plain lines, CSV with categories, quotes, comments, header', () => {
  const parsed = parseLexiconFile(
    '\uFEFFterm,category\n冰毒\n# note\n\n刷单,fraud\n"a,b",custom\r\nspam , custom\n',
  );
  expect(parsed).toEqual([
    { term: '冰毒' },
    { term: '刷单', category: 'fraud' },
    { term: 'a,b', category: 'custom' },
    { term: 'spam', category: 'custom' },
  ]);
  const csv = formatLexiconCsv([
    { term: 'a,b', category: 'custom' },
    { term: '冰毒', category: 'illegal_goods' },
  ]);
  expect(parseLexiconFile(csv)).toEqual([
    { term: 'a,b', category: 'custom' },
    { term: '冰毒', category: 'illegal_goods' },
  ]);
});

test('a disguised mask hit is starred over its whole original span: references, overrides, look-alikes', () => {
  expect(moderateText(matcher, '你好 刷&#x5355;赚钱').text).toBe('你好 ＊＊＊＊＊＊＊＊＊赚钱');
  expect(moderateText(matcher, 'a \u202e单刷\u202c b').text).toBe('a \u202e＊＊\u202c b');
  expect(moderateText(matcher, 'ѕраm!').text).toBe('ѕраm!');
  expect(moderateText(matcher, 'ѕраm!').action).toBe('warn');
  expect(moderateText(matcher, '冰\u3164毒').action).toBe('block');
});
