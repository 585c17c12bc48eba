import { createServer } from 'node:http';
import { AppError } from '@qiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenFixture } from '../../test/fixtures/listen-fixture';
import { isPublicAddress } from './public-address';
import { safeFetch } from './safe-fetch';

const server = createServer((req, res) => {
  if (req.url === '/redirect-loopback') {
    res.writeHead(302, { location: 'http://127.0.0.1:1/secret' }).end();
  } else if (req.url === '/redirect-metadata') {
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  } else if (req.url === '/redirect-name') {
    res.writeHead(302, { location: 'http://rebind.example/admin' }).end();
  } else if (req.url === '/redirect-self') {
    res.writeHead(307, { location: '/page' }).end();
  } else if (req.url === '/big') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('x'.repeat(5000));
  } else if (req.url === '/stream') {
    res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
    for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
    res.end();
  } else if (req.url === '/slow') {
    setTimeout(() => res.end('late'), 2000);
  } else {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<h1>page ${req.headers.host}</h1>`);
  }
});
let base: string;
let host: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const fixture = await listenFixture(server);
  base = fixture.url.replace(/\/v1$/, '');
  host = new URL(base).host;
  close = fixture.close;
});
afterAll(() => close());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('safeFetch', () => {
  it('refuses loopback, private, metadata and IPv6 local addresses, in every spelling', async () => {
    for (const url of [
      `${base}/page`,
      'http://localhost.:80/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
      'http://2130706433/', // 127.0.0.1 in decimal
      'http://0x7f.0.0.1/', // hex
      'http://0177.0.0.1/', // octal
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/', // mapped 169.254.169.254
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://224.0.0.1/',
    ]) {
      const error = await refusal(
        safeFetch(url, { lookup: async () => [{ address: '127.0.0.1', family: 4 }], timeoutMs: 2000 }),
      );
      expect(error.code, url).toBe('forbidden');
    }
  });

  it('refuses a DNS name that resolves to a private address, even when one answer is public', async () => {
    const error = await refusal(
      safeFetch('http://intranet.example/', {
        lookup: async () => [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ],
      }),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('10.0.0.7');
  });

  it('refuses other schemes and credentials', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/',
      'gopher://x/',
      'not a url',
      'http://u:p@example.com/',
    ]) {
      expect((await refusal(safeFetch(url))).code).toBe('bad_request');
    }
  });

  it('lets an allowed host through and connects to the address it checked', async () => {
    const port = new URL(base).port;
    // "docs.intranet.test" exists in no DNS: the connection can only use the pinned address
    const result = await safeFetch(`http://docs.intranet.test:${port}/page`, {
      allowedHosts: [`docs.intranet.test:${port}`],
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(result.status).toBe(200);
    expect(result.contentType).toContain('text/html');
    expect(new TextDecoder().decode(result.body)).toBe(`<h1>page docs.intranet.test:${port}</h1>`);
  });

  it('follows redirects on an allowed host and checks every hop again', async () => {
    const followed = await safeFetch(`${base}/redirect-self`, { allowedHosts: [host] });
    expect(followed.url).toBe(`${base}/page`);
    expect(followed.status).toBe(200);
    const loopback = await refusal(safeFetch(`${base}/redirect-loopback`, { allowedHosts: [host] }));
    expect(loopback.code).toBe('forbidden');
    const metadata = await refusal(safeFetch(`${base}/redirect-metadata`, { allowedHosts: [host] }));
    expect(metadata.code).toBe('forbidden');
    expect(metadata.message).toContain('169.254.169.254');
    const byName = await refusal(
      safeFetch(`${base}/redirect-name`, {
        allowedHosts: [host],
        lookup: async (name) => [
          { address: name === 'rebind.example' ? '192.168.0.10' : '127.0.0.1', family: 4 },
        ],
      }),
    );
    expect(byName.code).toBe('forbidden');
    expect(byName.message).toContain('rebind.example resolves to 192.168.0.10');
    const loop = await refusal(safeFetch(`${base}/redirect-self`, { allowedHosts: [host], maxRedirects: 0 }));
    expect(loop.code).toBe('bad_request');
  });

  it('caps the size, declared or streamed, and times out', async () => {
    const declared = await refusal(safeFetch(`${base}/big`, { allowedHosts: [host], maxBytes: 1000 }));
    expect(declared.code).toBe('payload_too_large');
    const streamed = await refusal(safeFetch(`${base}/stream`, { allowedHosts: [host], maxBytes: 5000 }));
    expect(streamed.code).toBe('payload_too_large');
    const slow = await refusal(safeFetch(`${base}/slow`, { allowedHosts: [host], timeoutMs: 200 }));
    expect(slow.code).toBe('upstream_timeout');
  });

  it('classifies addresses', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '169.254.169.254',
      '::',
      '::1',
      'fc00::1',
      '::ffff:8.8.8.8',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
