import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docbookChapter, newsPage } from './html-test-pages';
import { parseDocument } from './parse-document';

const parse = (html: string) =>
  parseDocument({ bytes: new TextEncoder().encode(html), filename: 'page.html', mimeType: 'text/html' });
const textOf = (sections: { text: string }[]) => sections.map((s) => s.text).join('\n');

describe('parseHtml', () => {
  it('reads DocBook headings inside div.titlepage into the heading path, each section under its own', async () => {
    const doc = await parse(docbookChapter());
    expect(doc.title).toBe('第 4 章 进程');
    const kill = doc.sections.find((s) => s.text.includes('通过进程 ID 发送信号'));
    expect(kill?.headingPath).toEqual(['第 4 章 进程', '4.2. 控制进程', '4.2.1. 杀死一个进程']);
    const overview = doc.sections.find((s) => s.text.includes('守护进程在后台运行'));
    expect(overview?.headingPath).toEqual(['第 4 章 进程', '4.1. 进程管理概述']);
    expect(overview?.text).not.toContain('SIGKILL');
  });

  it('keeps every sub-section when Readability would take the longest one for the article', async () => {
    const all = textOf((await parse(docbookChapter())).sections);
    expect(all).toContain('守护进程在后台运行');
    expect(all).toContain('下面两节讲信号和定时。');
    expect(all).toContain('9 | SIGKILL');
    expect(all).toContain('SIGHUP 让守护进程重读配置');
    expect(all).toContain('这里是一个 crontab(5) 文件的例子[1]。');
  });

  it('keeps the lines of preformatted text', async () => {
    const cron = (await parse(docbookChapter())).sections.find((s) => s.text.includes('daily.job'));
    expect(cron?.text).toContain(
      '# run at 00:05, every day\n5 0 * * * $HOME/bin/daily.job >> $HOME/tmp/out 2>&1\n# run at 14:15 on the first of every month\n',
    );
    const br = await parse('<html><body><pre>$ ls<br>$ pwd\n  /home/user</pre></body></html>');
    expect(br.sections[0]?.text).toBe('$ ls\n$ pwd\n  /home/user');
  });

  it('keeps footnotes, in a section under the page heading', async () => {
    const doc = await parse(docbookChapter());
    const note = doc.sections.find((s) => s.text.includes('anacron 适合不常开机的系统'));
    expect(note).toEqual({ text: '[1] anacron 适合不常开机的系统。', headingPath: ['第 4 章 进程'] });
  });

  it('drops the navigation bars and the table of contents of a manual', async () => {
    const all = textOf((await parse(docbookChapter())).sections);
    expect(all).not.toMatch(/上一页|下一页|起始页|目录/);
    // each heading is read once, as a heading, not again from the contents list
    expect(all).not.toContain('4.2.1. 杀死一个进程');
  });

  it("drops a news page's menu, sidebar, link lists, comments, footer and stray promotion, and keeps the article", async () => {
    const doc = await parse(newsPage());
    const all = textOf(doc.sections);
    expect(all).toContain('全长一千一百六十六米');
    expect(all).toContain('长江线 | 7:30-22:30');
    expect(all).not.toMatch(/山城日报|要闻|微信分享|热门排行|火锅节|推荐阅读|公众号|网友甲|版权所有/);
    expect(doc.sections.find((s) => s.text.includes('单程票价'))?.headingPath).toEqual([
      '缆车停运检修',
      '票价',
    ]);
  });

  it('keeps a heading with nothing under it on the path of the next heading of its level', async () => {
    const doc = await parse(`<html><body><h4>2.3.4 Arrays, Unions, and Enumerations</h4>
      <ul class="section-toc"><li><a href="#a">Arrays</a></li><li><a href="#u">Unions</a></li><li><a href="#e">Enums</a></li></ul>
      <h4>2.3.4.1 Arrays</h4><p>An array is described by ffi_type.</p>
      <h4>2.3.4.2 Unions</h4><p>A union has size of its largest member.</p></body></html>`);
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ['2.3.4 Arrays, Unions, and Enumerations', '2.3.4.1 Arrays'],
      ['2.3.4.2 Unions'],
    ]);
  });

  it('reads a Sphinx page: headings without their ¶ permalinks, code lines, no sidebar or related bar', async () => {
    const links =
      '<ul><li><a href="index.html">目录</a></li><li><a href="a.html">上一页</a></li><li><a href="b.html">下一页</a></li></ul>';
    const doc = await parse(`<html><body><div class="related" role="navigation">${links}</div>
      <div class="document"><div class="documentwrapper"><div class="bodywrapper"><div class="body" role="main">
      <section id="install"><h1>安装<a class="headerlink" href="#install" title="Link to this heading">¶</a></h1>
      <p>本节说明怎样在 Debian 上安装。</p><section id="deps"><h2>依赖<a class="headerlink" href="#deps">¶</a></h2>
      <p>需要 Python 3.11 以上。</p><div class="highlight-console"><div class="highlight"><pre><span></span><span class="gp">$ </span>pip install qiao
<span class="gp">$ </span>qiao --version</pre></div></div></section></section></div></div></div>
      <div class="sphinxsidebar" role="navigation"><h3>导航</h3>${links}</div></div>
      <div class="footer">© 2024 Qiao</div></body></html>`);
    expect(doc.sections).toEqual([
      { text: '本节说明怎样在 Debian 上安装。', headingPath: ['安装'] },
      {
        text: '需要 Python 3.11 以上。\n$ pip install qiao\n$ qiao --version',
        headingPath: ['安装', '依赖'],
      },
    ]);
  });

  it("reads pandoc's endnotes and leaves its table of contents out", async () => {
    const doc =
      await parse(`<html><body><nav id="TOC" role="doc-toc"><ul><li><a href="#a">背景</a></li></ul></nav>
      <h1 id="a">背景</h1><p>缆车始建于一九八七年<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>。</p>
      <section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>
      <li id="fn1"><p>据《山城志》记载。<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section></body></html>`);
    expect(doc.sections).toEqual([
      { text: '缆车始建于一九八七年1。', headingPath: ['背景'] },
      { text: '据《山城志》记载。', headingPath: ['背景'] },
    ]);
  });

  it('reads a page that is nothing but a table of contents rather than nothing', async () => {
    const items = ['第 1 章 入门', '第 2 章 安装', '第 3 章 配置', '第 4 章 进程'];
    const html = `<html><body><h1>Debian 参考手册</h1><div class="toc"><dl>${items
      .map((item, i) => `<dt><a href="ch0${i + 1}.html">${item}</a></dt>`)
      .join('')}</dl></div></body></html>`;
    const doc = await parse(html);
    expect(doc.sections).toEqual([{ text: items.join('\n'), headingPath: ['Debian 参考手册'] }]);
  });

  const realPage = async (name: string) => {
    const file = new URL(`../../../bench/knowledge/real-set/docs/${name}`, import.meta.url);
    return parseDocument({ bytes: readFileSync(file), filename: name });
  };

  it('reads all of a real DocBook chapter: every section of Debian Reference chapter 11', async () => {
    const doc = await realPage('debian-reference-ch11.html');
    const chapters = new Set(doc.sections.map((s) => s.headingPath?.[1]?.match(/^11\.\d+\./)?.[0]));
    expect([...chapters].filter(Boolean)).toEqual([
      '11.1.',
      '11.2.',
      '11.3.',
      '11.4.',
      '11.5.',
      '11.6.',
      '11.7.',
    ]);
  });

  it("keeps a chapter's opening paragraphs, which Readability leaves out of the sections it picks", async () => {
    const doc = await realPage('debian-reference-ch02.html');
    const intro = doc.sections.find((s) => s.text.includes('是一个志愿者组织'));
    expect(intro?.headingPath).toEqual(['第 2 章 Debian 软件包管理']);
  });
});
