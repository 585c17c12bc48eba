import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { isLoopbackRequest } from './loopback';

async function check(address: string | undefined, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.get('/', (c) => c.json(isLoopbackRequest(c, () => address)));
  return (await app.request('/', { headers })).json();
}

test('loopback addresses count', async () => {
  for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
    expect(await check(address)).toBe(true);
});

test('other addresses, no address and proxied requests do not', async () => {
  for (const address of ['10.0.0.2', '192.168.1.1', '::ffff:10.0.0.1', '128.0.0.1', undefined]) {
    expect(await check(address)).toBe(false);
  }
  expect(await check('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false);
  expect(await check('127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(false);
});

test('the default reads the Node socket and treats app.request() as not loopback', async () => {
  const app = new Hono();
  app.get('/', (c) => c.json(isLoopbackRequest(c)));
  expect(await (await app.request('/')).json()).toBe(false);
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 5, remoteFamily: 'IPv4' } } };
  expect(await (await app.request('/', {}, env)).json()).toBe(true);
});
