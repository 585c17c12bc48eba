import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listenFixture } from '../../../test/fixtures/listen-fixture';
import { createToolFetch } from '../tool-fetch';
import { readUrlTool } from './read-url';

const article = `<!doctype html><html><head><title>Qiao 发布</title><script>alert(1)</script></head><body>
<nav><a href="/">首页</a> <a href="/about">关于</a></nav>
<article><h1>Qiao 0.1 发布</h1><p>${'Qiao 是一个自托管的大模型平台，支持智能体、知识库与工具调用。'.repeat(4)}</p>
<h2>下载</h2><p>见 <a href="/download">下载页</a>。${'更多说明文字。'.repeat(20)}</p></article>
<footer>© 2026</footer></body></html>`;

let origin: string;
let port: number;
let close: () => Promise<void>;
beforeAll(async () => {
  const server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
      return;
    }
    if (req.url === '/secret')
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secret');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
  });
  const listening = await listenFixture(server);
  origin = listening.url.replace(/\/v1$/, '');
  port = Number(new URL(origin).port);
  close = listening.close;
});
afterAll(() => close?.());

const signal = new AbortController().signal;
/** "site.test" resolves to the loopback fixture and is trusted, as a configured intranet host would be */
const lookup = async (host: string) =>
  host === 'site.test' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.1.2.3', family: 4 }];

test('returns the main content as markdown with headings and absolute links, without nav or scripts', async () => {
  const tool = readUrlTool(createToolFetch([`site.test:${port}`], lookup));
  const result = await tool.execute({ url: `http://site.test:${port}/post` }, { signal });
  expect(result.text).toMatch(/^# Qiao 发布\nURL: http:\/\/site\.test:\d+\/post/);
  expect(result.text).toContain('Qiao 0.1 发布');
  expect(result.text).toContain('## 下载');
  expect(result.text).toContain(`[下载页](http://site.test:${port}/download)`);
  expect(result.text).not.toContain('alert(1)');
  expect(result.text).not.toContain('关于');
  expect(result.sources).toEqual([{ url: `http://site.test:${port}/post`, title: 'Qiao 发布' }]);
});

test('refuses loopback addresses', async () => {
  const tool = readUrlTool(createToolFetch([]));
  await expect(tool.execute({ url: `${origin}/post` }, { signal })).rejects.toThrow(
    /127\.0\.0\.1.*not allowed/,
  );
});

test('refuses a redirect from an allowed host to 127.0.0.1', async () => {
  const tool = readUrlTool(createToolFetch([`site.test:${port}`], lookup));
  await expect(tool.execute({ url: `http://site.test:${port}/redirect` }, { signal })).rejects.toThrow(
    /127\.0\.0\.1.*not allowed/,
  );
});

test('refuses a name that resolves to a private address', async () => {
  const tool = readUrlTool(createToolFetch([], lookup));
  await expect(tool.execute({ url: 'http://intranet.example.com/' }, { signal })).rejects.toThrow(
    /intranet\.example\.com resolves to 10\.1\.2\.3/,
  );
});

test('refuses the cloud metadata address and non-http schemes', async () => {
  const tool = readUrlTool(createToolFetch([]));
  await expect(tool.execute({ url: 'http://169.254.169.254/latest/meta-data/' }, { signal })).rejects.toThrow(
    /not allowed/,
  );
  expect(() => tool.parse({ url: 'file:///etc/passwd' })).toThrow();
});
