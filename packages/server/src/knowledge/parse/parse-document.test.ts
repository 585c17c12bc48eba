import { AppError } from '@qiao/core';
import { describe, expect, it } from 'vitest';
import { lyingZipDocx, minimalDocx, zipBombDocx } from '../../../test/fixtures/documents/minimal-docx';
import { lockedPdf, minimalPdf } from '../../../test/fixtures/documents/minimal-pdf';
import { parseDocument } from './parse-document';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('parseDocument', () => {
  it('reads a PDF page by page, NFKC-normalized, with its title', async () => {
    const bytes = minimalPdf(
      [
        { lines: ['Travel policy', '差旅报销须在三十天内提交。'] },
        // U+2F26 and U+2FA6 are Kangxi radicals that NFKC folds to 子 and 金
        { lines: ['\u2F26公司的报销\u2FA6额上限为五千元。'] },
      ],
      '员工手册',
    );
    const doc = await parseDocument({ bytes, filename: 'handbook.bin' });
    expect(doc).toEqual({
      title: '员工手册',
      format: 'pdf',
      sections: [
        { text: 'Travel policy\n差旅报销须在三十天内提交。', page: 1 },
        { text: '子公司的报销金额上限为五千元。', page: 2 },
      ],
      warnings: [],
    });
  });

  it('reads a .docx by heading, whatever its name says', async () => {
    const bytes = minimalDocx([
      { heading: 1, text: '安全规范' },
      { text: '进入机房须刷卡登记。' },
      { heading: 2, text: 'Visitors' },
      { text: 'Visitors are escorted at all times.' },
      { text: 'Badges are returned at the desk.' },
    ]);
    const doc = await parseDocument({ bytes, filename: 'rules.pdf' });
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('安全规范');
    expect(doc.sections).toEqual([
      { text: '进入机房须刷卡登记。', headingPath: ['安全规范'] },
      {
        text: 'Visitors are escorted at all times.\nBadges are returned at the desk.',
        headingPath: ['安全规范', 'Visitors'],
      },
    ]);
  });

  it('reads markdown by heading and keeps code blocks whole', async () => {
    const markdown =
      '# 部署指南\n\n先安装 Node。\n\n## 配置 **端口**\n\n```sh\nPORT=3000\n\nnpm start\n```\n\n### 日志\n\n日志在 data 目录。\n\n## 升级\n\n直接替换。';
    const doc = await parseDocument({ bytes: utf8(markdown), filename: 'deploy.md' });
    expect(doc.title).toBe('部署指南');
    expect(doc.sections).toEqual([
      { text: '先安装 Node。', headingPath: ['部署指南'] },
      { text: '```sh\nPORT=3000\n\nnpm start\n```', headingPath: ['部署指南', '配置 端口'] },
      { text: '日志在 data 目录。', headingPath: ['部署指南', '配置 端口', '日志'] },
      { text: '直接替换。', headingPath: ['部署指南', '升级'] },
    ]);
  });

  it('reads GB18030 text and says so', async () => {
    const bytes = new Uint8Array([0xc4, 0xea, 0xbc, 0xd9, 0xca, 0xae, 0xce, 0xe5, 0xcc, 0xec, 0xa1, 0xa3]); // 年假十五天。
    const doc = await parseDocument({ bytes, filename: 'notes.txt' });
    expect(doc.sections).toEqual([{ text: '年假十五天。' }]);
    expect(doc.warnings[0]).toContain('GB18030');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('会议纪要：周一开会。', 'utf16le')]);
    expect((await parseDocument({ bytes: utf16, filename: 'minutes.txt' })).sections).toEqual([
      { text: '会议纪要：周一开会。' },
    ]);
  });

  it('keeps the main content of a web page and drops navigation and scripts', async () => {
    const paragraph = '山城的缆车始建于一九八七年，全长一千一百六十六米，每天运送游客往返江的两岸。'.repeat(
      3,
    );
    const html = `<!doctype html><html><head><title>山城指南</title><script>var x = "secret";</script><style>p{}</style></head>
      <body><nav><a href="/">首页</a> | <a href="/about">关于</a></nav>
      <main><article><h1>缆车</h1><p>${paragraph}</p><h2>票价</h2><p>单程票价二十元，往返三十元。</p>
      <table><tr><th>线路</th><th>时间</th></tr><tr><td>长江线</td><td>7:30-22:30</td></tr></table></article></main>
      <footer>版权所有</footer></body></html>`;
    const doc = await parseDocument({ bytes: utf8(html), filename: 'page', mimeType: 'text/html' });
    expect(doc.format).toBe('html');
    const all = doc.sections.map((s) => s.text).join('\n');
    expect(all).toContain('单程票价二十元');
    expect(all).toContain('长江线 | 7:30-22:30');
    expect(all).not.toMatch(/secret|首页|版权所有/);
    expect(doc.sections.find((s) => s.text.includes('单程'))?.headingPath?.at(-1)).toBe('票价');
  });

  it('turns CSV rows into records', async () => {
    const csv = '城市,人口（万）,简介\n成都,2140,"天府之国, 以美食闻名"\n\n杭州,1252,西湖所在地\n';
    const doc = await parseDocument({ bytes: utf8(csv), filename: 'cities.csv' });
    expect(doc.sections).toEqual([
      { text: '城市: 成都; 人口（万）: 2140; 简介: 天府之国, 以美食闻名', headingPath: ['cities'] },
      { text: '城市: 杭州; 人口（万）: 1252; 简介: 西湖所在地', headingPath: ['cities'] },
    ]);
  });

  it('turns every sheet of an xlsx into records under the sheet name', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('价格表');
    sheet.addRow(['产品', '价格', 'Notes']);
    sheet.addRow(['标准版', 99, 'per month']);
    sheet.addRow(['企业版', 499, '']);
    workbook.addWorksheet('Empty');
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const doc = await parseDocument({ bytes, filename: 'prices.xlsx' });
    expect(doc.format).toBe('xlsx');
    expect(doc.sections).toEqual([
      { text: '产品: 标准版; 价格: 99; Notes: per month', headingPath: ['价格表'] },
      { text: '产品: 企业版; 价格: 499', headingPath: ['价格表'] },
    ]);
    expect(doc.warnings).toEqual(['Sheet "Empty" has no data rows']);
  });

  it('refuses empty files and junk with a document name, with a readable reason', async () => {
    const empty = await failure(parseDocument({ bytes: new Uint8Array(), filename: 'empty.docx' }));
    expect(empty.code).toBe('bad_request');
    expect(empty.message).toBe('empty.docx is empty');
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const fakePdf = await failure(parseDocument({ bytes: junk, filename: 'report.pdf' }));
    expect(fakePdf.code).toBe('unsupported_media_type');
    expect(fakePdf.message).toContain('not a PDF');
    const textPdf = await failure(parseDocument({ bytes: utf8('just text'), filename: 'report.pdf' }));
    expect(textPdf.code).toBe('unsupported_media_type');
    const broken = await failure(parseDocument({ bytes: utf8('%PDF-1.7\ngarbage'), filename: 'broken.pdf' }));
    expect(broken.code).toBe('bad_request');
    expect(broken.message).toContain('broken.pdf could not be read as pdf');
    const locked = await failure(parseDocument({ bytes: lockedPdf(), filename: 'locked.pdf' }));
    expect(locked.code).toBe('unsupported_media_type');
    expect(locked.message).toBe('locked.pdf is password-protected; remove the password and upload it again');
  });

  it('refuses zip bombs renamed .docx before inflating them', async () => {
    const bomb = await failure(parseDocument({ bytes: zipBombDocx(20), filename: 'bomb.docx' }));
    expect(bomb.code).toBe('payload_too_large');
    expect(bomb.message).toContain('zip bomb');
    const lying = await failure(parseDocument({ bytes: lyingZipDocx(0xfffffff0), filename: 'big.docx' }));
    expect(lying.code).toBe('payload_too_large');
    const otherZip = await failure(
      parseDocument({ bytes: (await import('fflate')).zipSync({ 'a.txt': utf8('a') }), filename: 'x.docx' }),
    );
    expect(otherZip.code).toBe('unsupported_media_type');
  });
});
