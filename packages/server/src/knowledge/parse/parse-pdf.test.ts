import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './parse-pdf';
import { type TestText, testPdf } from './pdf-test-file';

const parse = (bytes: Uint8Array) => parsePdf({ bytes, filename: 'test.pdf' }, { ocr: false });
const texts = async (bytes: Uint8Array) => (await parse(bytes)).sections.map((s) => s.text);

describe('parsePdf', () => {
  it('keeps text that runs past the right edge of the page', async () => {
    // 26 glyphs of 5 pt from x=480 end at 610, past the 600 pt page
    const bytes = testPdf([[{ x: 480, y: 700, text: '/etc/network/interfaces.d/' }]]);
    expect(await texts(bytes)).toEqual(['/etc/network/interfaces.d/']);
  });

  it('takes spaces from the gaps: tight monospace tokens stay one word, kerned word gaps are spaces', async () => {
    // a listing: tokens drawn apart by 0.15 em (one word), then a 0.6 em gap (a space column)
    const listing: TestText[] = [
      { x: 50, y: 700, text: 'apt', mono: true },
      { x: 74, y: 700, text: 'install', mono: true },
      { x: 122, y: 700, text: 'debian', mono: true },
      { x: 159.5, y: 700, text: '-edu', mono: true },
      { x: 185, y: 700, text: '-router', mono: true },
    ];
    // TeX-style text: no space glyphs, only a kern of a third of an em
    const kerned: TestText = { x: 50, y: 650, text: 'Remove|-333|the|-333|file|-60|s' };
    expect(await texts(testPdf([[...listing, kerned]]))).toEqual([
      'apt install debian-edu-router\nRemove the files',
    ]);
  });

  it('joins wrapped lines of justified text: no space inside Chinese, one between words', async () => {
    const lines = ['安装这个软件包大概需', '要两个吉字节的磁盘空', '间。有关更多细节请参', '阅文档。'];
    const latin = ['Packages are updated', 'every night by cron.', 'Then the next one.'];
    const bytes = testPdf([
      [
        ...lines.map((text, i) => ({ x: 50, y: 700 - 12 * i, text })),
        ...latin.map((text, i) => ({ x: 50, y: 600 - 12 * i, text })),
        { x: 50, y: 550, text: 'A new paragraph.' },
      ],
    ]);
    expect(await texts(bytes)).toEqual([
      '安装这个软件包大概需要两个吉字节的磁盘空间。有关更多细节请参阅文档。\nPackages are updated every night by cron. Then the next one.\nA new paragraph.',
    ]);
  });

  it('cuts sections at the outline headings, with their heading paths and pages', async () => {
    const bytes = testPdf(
      [
        [
          { x: 50, y: 760, text: '1 Intro', size: 14 },
          { x: 50, y: 740, text: 'Intro text.' },
          { x: 50, y: 700, text: '1.1 范围', size: 12 },
          { x: 50, y: 680, text: 'Scope text.' },
        ],
        [{ x: 50, y: 760, text: 'Scope continues.' }],
      ],
      [{ title: 'Intro', page: 1, top: 775, children: [{ title: '范围', page: 1, top: 715 }] }],
    );
    expect((await parse(bytes)).sections).toEqual([
      { text: '1 Intro\nIntro text.', page: 1, headingPath: ['Intro'] },
      { text: '1.1 范围\nScope text.', page: 1, headingPath: ['Intro', '范围'] },
      { text: 'Scope continues.', page: 2, headingPath: ['Intro', '范围'] },
    ]);
  });

  it('without an outline, takes headings from larger type, nested by their numbers', async () => {
    const body = (y: number, text: string): TestText => ({ x: 50, y, text });
    const bytes = testPdf([
      [
        { x: 50, y: 760, text: '1 总则', size: 16 },
        body(740, 'This policy covers travel by all staff members.'),
        { x: 50, y: 700, text: '1.1 Scope of the rules', size: 13 },
        body(680, 'It applies to trips longer than one day.'),
        { x: 50, y: 640, text: '2 报销', size: 16 },
        body(620, '差旅报销须在三十天内提交。'),
      ],
    ]);
    expect((await parse(bytes)).sections.map((s) => s.headingPath)).toEqual([
      ['1 总则'],
      ['1 总则', '1.1 Scope of the rules'],
      ['2 报销'],
    ]);
  });

  it('drops running headers and footers, page numbers aside, and table-of-contents lines', async () => {
    const words = ['one', 'two', 'three', 'four'];
    const page = (n: number): TestText[] => [
      { x: 50, y: 800, text: `Qiao 用户手册 ${n} / 4` },
      { x: 50, y: 700, text: `Body of page ${words[n - 1]}.` },
      { x: 290, y: 40, text: `- ${n} -` },
    ];
    const contents: TestText[] = [1, 2, 3].map((n) => ({
      x: 50,
      y: 680 - 12 * n,
      text: `${n} Chapter . . . . . . . . ${n + 1}`,
    }));
    const bytes = testPdf([[...page(1), ...contents], page(2), page(3), page(4)]);
    expect(await texts(bytes)).toEqual(words.map((word) => `Body of page ${word}.`));
  });
});

const manual = fileURLToPath(
  new URL('../../../bench/knowledge/real-set/docs/debian-edu-bookworm-manual.pdf', import.meta.url),
);

describe.skipIf(!existsSync(manual))(
  'parsePdf on the Debian Edu manual (real-set/docs, a DBLaTeX/xdvipdfmx PDF)',
  () => {
    it('reads paths, commands and Chinese faithfully, with outline headings and no page furniture', async () => {
      const { sections } = await parsePdf(
        { bytes: readFileSync(manual), filename: 'manual.pdf' },
        { ocr: false },
      );
      const all = sections.map((s) => s.text).join('\n');
      expect(all).toContain('/etc/network/interfaces.d/');
      expect(all).toContain('apt install -y -q debian-edu-router-config');
      expect(all).toContain('lvextend -L30G /dev/vg_system/skole+tjener+home0');
      expect(all).toContain('这大约发生在每两个月');
      expect(all).not.toMatch(/debian -edu|sources \.list|Bookworm 手册 \d+ \/ 92|(\. ){5}/);
      const heading = sections.find((s) => s.text.includes('Skolelinux 项目在 2001 年 7 月 2 日启动于挪威'));
      expect(heading?.headingPath).toEqual(['关于 Debian Edu 和 Skolelinux', '部分历史及为何使用两个名称']);
      expect(sections.filter((s) => s.headingPath).length).toBeGreaterThan(sections.length * 0.9);
    }, 30_000);
  },
);
