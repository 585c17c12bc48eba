/**
 * Small pages built from the structures real documentation uses (DocBook's div.titlepage
 * headings, its navheader/navfooter/toc, footnotes, screen blocks) and from a news page with
 * its furniture, for the HTML parser's tests.
 */
const para = (text: string, times = 1) => `<p>${text.repeat(times)}</p>`;

const titled = (level: number, id: string, title: string, body: string) =>
  `<div class="section"><div class="titlepage"><div><div><h${level} class="title"><a id="${id}"/>${title}</h${level}></div></div></div>${body}</div>`;

/** A DocBook chapter: one sub-section of long prose and others of tables, lists and code. */
export function docbookChapter(): string {
  const prose = titled(
    2,
    'a',
    '4.1. 进程管理概述',
    [
      para('进程是正在运行的程序，每个进程都有一个进程号，内核按照优先级、时间片和策略为它们分配处理器，', 4),
      para(
        '守护进程在后台运行，通常由 systemd 启动，它们的输出写入日志，管理员可以随时查看、重启或者停止，',
        4,
      ),
      para(
        '当系统负载升高时，可以用 nice 和 renice 调整优先级，让交互程序保持流畅，批处理任务则慢慢完成，',
        4,
      ),
    ].join(''),
  );
  const kill = titled(
    3,
    'b',
    '4.2.1. 杀死一个进程',
    `<p>使用 kill(1) 通过进程 ID 发送信号。</p>
     <div class="table"><p class="title"><strong>表 4.1. 常用信号</strong></p><table>
       <tr><th>信号值</th><th>信号名</th></tr><tr><td>9</td><td>SIGKILL</td></tr><tr><td>15</td><td>SIGTERM</td></tr></table></div>
     <div class="itemizedlist"><ul><li><p>SIGHUP 让守护进程重读配置</p></li><li><p>SIGINT 等同于 Ctrl-C</p></li></ul></div>`,
  );
  const cron = titled(
    3,
    'c',
    '4.2.2. 定时任务安排',
    `<p>这里是一个 crontab(5) 文件的例子<sup>[<a href="#ftn.1" id="r1" class="footnote">1</a>]</sup>。</p>
     <pre class="screen"># run at 00:05, every day
5 0 * * * $HOME/bin/daily.job &gt;&gt; $HOME/tmp/out 2&gt;&amp;1
# run at 14:15 on the first of every month
15 14 1 * * $HOME/bin/monthly</pre>`,
  );
  const toc = `<div class="toc"><p><b>目录</b></p><dl class="toc">
    <dt><span class="section"><a href="#a">4.1. 进程管理概述</a></span></dt>
    <dt><span class="section"><a href="#b">4.2.1. 杀死一个进程</a></span></dt>
    <dt><span class="section"><a href="#c">4.2.2. 定时任务安排</a></span></dt></dl></div>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>第 4 章 进程</title></head><body>
<div class="navheader"><table width="100%"><tr><th colspan="3">第 4 章 进程</th></tr>
  <tr><td><a accesskey="p" href="ch03.html">上一页</a></td><td><a accesskey="n" href="ch05.html">下一页</a></td></tr></table></div>
<div class="chapter"><div class="titlepage"><div><div><h1 class="title"><a id="top"/>第 4 章 进程</h1></div></div></div>
${toc}${prose}${titled(2, 'd', '4.2. 控制进程', `<p>下面两节讲信号和定时。</p>${kill}${cron}`)}
<div class="footnotes"><br/><hr/><div id="ftn.1" class="footnote"><p><sup>[<a href="#r1">1</a>] </sup>anacron 适合不常开机的系统。</p></div></div>
</div>
<div class="navfooter"><table><tr><td><a href="ch03.html">上一页</a></td><td><a href="index.html">起始页</a></td><td><a href="ch05.html">下一页</a></td></tr></table></div>
</body></html>`;
}

/** A news page: the article amid a menu, a sidebar, a link list with no class, comments and a footer. */
export function newsPage(): string {
  const story = para('山城的缆车始建于一九八七年，全长一千一百六十六米，每天运送游客往返江的两岸，', 4);
  const links = (words: string[]) =>
    `<ul>${words.map((w, i) => `<li><a href="/news/${i}">${w}</a></li>`).join('')}</ul>`;
  return `<!doctype html><html><head><title>缆车停运检修 - 山城日报</title></head><body>
  <div id="page" class="site has-header">
    <div class="site-header"><a href="/">山城日报</a><div class="menu">${links(['首页', '要闻', '体育', '财经'])}</div></div>
    <div class="content-area"><div class="entry-content">
      <h1>缆车停运检修</h1>${story}<h2>票价</h2><p>单程票价二十元，往返三十元，检修期间改乘轮渡。</p>
      <table><tr><th>线路</th><th>时间</th></tr><tr><td>长江线</td><td>7:30-22:30</td></tr></table>
      <div class="share-buttons"><a href="/s/wx">微信分享</a><a href="/s/wb">微博分享</a></div>
    </div></div>
    <div class="widget-area sidebar"><h3>热门排行</h3>${links(['火锅节开幕', '地铁新线试运行', '江边夜景灯光秀'])}</div>
    <div>${links(['推荐阅读一', '推荐阅读二', '推荐阅读三', '推荐阅读四'])}</div>
    <div><p>扫码关注我们的公众号，每天推送山城新鲜事。</p></div>
    <div id="comments" class="comments-area"><p>网友甲：支持检修，安全第一。</p></div>
    <footer>版权所有 山城日报社</footer>
  </div></body></html>`;
}
