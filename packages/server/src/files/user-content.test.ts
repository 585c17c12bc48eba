import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { contentDisposition } from './content-disposition';

let t: ChatTestApp;
beforeAll(async () => {
  t = await startChatTestApp();
});
afterAll(() => t?.close());

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const page = '<!doctype html><html><body><script>fetch("/api/keys",{method:"POST"})</script></body></html>';
const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';

async function upload(bytes: Uint8Array | string, name: string, type = '') {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type }));
  return t.request('/api/files', { method: 'POST', body: form });
}
async function served(bytes: Uint8Array | string, name: string, type = '') {
  const res = await upload(bytes, name, type);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return t.request(`/api/files/${id}/content`);
}

function expectSandboxed(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
}
/** what a browser could render as a page or run as script, from the response headers alone */
function expectDownload(res: Response) {
  expectSandboxed(res);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(res.headers.get('content-type')).not.toMatch(/html|svg|xml|javascript/i);
}

test('an uploaded HTML page is a sandboxed download, never a page on Qiao’s origin', async () => {
  for (const [name, type] of [
    ['page.html', 'text/html'],
    ['page.htm', ''],
    ['page.xhtml', 'application/xhtml+xml'],
    ['page.txt', 'text/html'],
    ['page', ''],
    ['page.md', 'text/html'],
  ] as const) {
    const res = await served(page, name, type);
    expectDownload(res);
    expect(await res.text()).toBe(page);
  }
});

test('an SVG with script is a sandboxed download', async () => {
  for (const [name, type] of [
    ['logo.svg', 'image/svg+xml'],
    ['logo.svg', ''],
    ['logo.png.svg', 'image/png'],
  ] as const) {
    const res = await upload(svg, name, type);
    if (res.status !== 201) continue; // refused outright is fine as well
    const { id } = (await res.json()) as { id: string };
    expectDownload(await t.request(`/api/files/${id}/content`));
  }
});

test('a .png whose bytes are HTML is never served as an image or a page', async () => {
  const res = await upload(page, 'cat.png', 'image/png');
  if (res.status === 201) {
    const { id, mimeType } = (await res.json()) as { id: string; mimeType: string };
    expect(mimeType).not.toMatch(/^image\//);
    expectDownload(await t.request(`/api/files/${id}/content`));
  } else expect(res.status).toBe(415);
});

test('a real image is shown in place, sandboxed and not embeddable by other sites', async () => {
  const res = await served(png, 'pixel.png');
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
  expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expectSandboxed(res);
  // a PNG polyglot with a page after the image data stays an image
  const polyglot = await served(Buffer.concat([png, Buffer.from(page)]), 'poly.html');
  expect(polyglot.headers.get('content-type')).toBe('image/png');
  expectSandboxed(polyglot);
});

const hostileNames = [
  'a"b.txt',
  'line\r\nSet-Cookie: x=1.txt',
  'tab\there.txt',
  '报告 (最终)*版.txt',
  "it's 100%.txt",
  'semi;colon=.txt',
  'back\\slash.txt',
  '\u202egnp.txt',
  'emoji 🚀.txt',
  '..',
];

test('a hostile file name cannot break or extend the header, and the real name survives', async () => {
  for (const name of hostileNames) {
    const res = await served('hello', name, 'text/plain');
    const header = res.headers.get('content-disposition')!;
    expect(header).toMatch(
      /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/,
    );
    const quoted = /filename="([^"]*)"/.exec(header)![1]!;
    expect(quoted).not.toMatch(/["\\;%]/);
    expect(res.headers.get('set-cookie')).toBeNull();
  }
});

test('contentDisposition keeps the name readable in filename* (RFC 5987)', () => {
  const decoded = (header: string) => decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!);
  expect(decoded(contentDisposition('attachment', '报告 (最终)*版.txt'))).toBe('报告 (最终)_版.txt');
  expect(decoded(contentDisposition('attachment', "it's.md"))).toBe("it's.md");
  expect(decoded(contentDisposition('attachment', 'a\r\nb.txt'))).toBe('ab.txt');
  expect(decoded(contentDisposition('attachment', '\u0000\u202e'))).toBe('file');
  expect(contentDisposition('inline', 'x"y.png')).toBe(
    `inline; filename="x_y.png"; filename*=UTF-8''x_y.png`,
  );
});
