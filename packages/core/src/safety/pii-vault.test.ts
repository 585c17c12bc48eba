import { expect, test } from 'vitest';
import { detectPii } from './pii-detect';
import { PiiVault, redactPii } from './pii-vault';
import { PlaceholderRestorer } from './placeholder-restorer';

const text =
  '我是张三，电话 138-0013-8000，邮箱 zhang@example.com，再说一遍 138-0013-8000。身份证 11010519491231002X';

test('redaction replaces each value with a stable placeholder and restores it', () => {
  const vault = new PiiVault();
  const { text: redacted, hits } = redactPii(text, vault);
  expect(redacted).toBe('我是张三，电话 [PHONE_1]，邮箱 [EMAIL_1]，再说一遍 [PHONE_1]。身份证 [ID_1]');
  expect(hits.map((h) => h.type)).toEqual(['mobile', 'email', 'mobile', 'id_card']);
  expect(vault.restore(redacted)).toBe(text);
});

test('a placeholder split across chunks is restored whole, at any chunk size', () => {
  const vault = new PiiVault();
  const redacted = redactPii(`${text} [UNKNOWN_9] [not a placeholder`, vault).text;
  for (const size of [1, 2, 3, 5, 8]) {
    const restorer = new PlaceholderRestorer(vault);
    let out = '';
    for (let i = 0; i < redacted.length; i += size) out += restorer.write(redacted.slice(i, i + size));
    out += restorer.end();
    expect(out).toBe(`${text} [UNKNOWN_9] [not a placeholder`);
  }
});

test('labelled names and addresses redact the value and keep the label', () => {
  const vault = new PiiVault();
  expect(redactPii('姓名：李四\n地址：北京市海淀区中关村大街1号', vault).text).toBe(
    '姓名：[NAME_1]\n地址：[ADDRESS_1]',
  );
  expect(redactPii('Name: John Smith', vault).text).toBe('Name: [NAME_2]');
});

test('near misses are left alone', () => {
  for (const sample of [
    'version 1.2.3.4.5',
    '订单号 20240101123456',
    'call 12345678901',
    'card 6222 0212 3456 7891',
    'filename: Report.pdf',
    '11010519491231002Y',
    'std::vector<int> v; Foo::bar()',
    'at 10:30:00 today',
  ])
    expect(detectPii(sample), sample).toEqual([]);
});
