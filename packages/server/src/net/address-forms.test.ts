import { AppError } from '@qiao/core';
import { expect, test } from 'vitest';
import type { Config } from '../config';
import { fetchUrlDocument } from '../knowledge/add-url-document';
import { readUrlTool } from '../tools/builtin/read-url';
import { createToolFetch } from '../tools/tool-fetch';
import { ipLiteral, isPublicAddress } from './public-address';

/** Every spelling of a local, private or special-purpose address a URL can carry. */
const localUrls = [
  'http://[::127.0.0.1]:7001/', // IPv4-compatible (deprecated ::/96)
  'http://[::7f00:1]/',
  'http://[::a9fe:a9fe]/', // compatible 169.254.169.254
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[0:0:0:0:0:ffff:7f00:1]/',
  'http://[::ffff:0:7f00:1]/', // IPv4-translated (RFC 6145)
  'http://[64:ff9b::7f00:1]/', // NAT64
  'http://[64:ff9b::127.0.0.1]/',
  'http://[64:ff9b:1::a00:1]/', // local-use NAT64
  'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
  'http://[2002:a9fe:a9fe::1]/',
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', // Teredo
  'http://[fe80::1]/',
  'http://[febf:ffff::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[fec0::1]/', // site-local
  'http://[ff02::1]/',
  'http://[ff0e::1]/',
  'http://[::]/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::0.0.0.1]/',
  'http://[100::1]/', // discard
  'http://[2001:db8::1]/', // documentation
  'http://0.0.0.0/',
  'http://0/',
  'http://0.1.2.3/',
  'http://100.64.0.1/',
  'http://100.127.255.254/',
  'http://2130706433/', // 127.0.0.1 in decimal
  'http://0x7f.1/',
  'http://0x7f000001/',
  'http://017700000001/',
  'http://0177.0.0.1/',
  'http://0177.1/',
  'http://127.1/',
  'http://127.0.0.1./',
  'http://127.255.255.254/',
  'http://%31%32%37.0.0.1/',
  'http://１２７.０.０.１/', // full-width digits, IDNA-mapped to ASCII
  'http://169.254.169.254/',
  'http://2852039166/', // 169.254.169.254 in decimal
  'http://10.0.0.1/',
  'http://172.31.255.255/',
  'http://192.168.0.1/',
  'http://192.0.0.8/',
  'http://198.18.0.1/',
  'http://224.0.0.1/',
  'http://240.0.0.1/',
  'http://255.255.255.255/',
];

const hostOf = (url: string) => ipLiteral(new URL(url).hostname);

test('every local form is an IP literal the classifier refuses', () => {
  for (const url of localUrls) {
    const literal = hostOf(url);
    expect(literal, url).not.toBeNull();
    expect(isPublicAddress(literal!), url).toBe(false);
  }
});

test('public addresses, v4 and v6, stay public', () => {
  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '114.114.114.114',
    '223.5.5.5',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '2001:4860:4860::8888',
    '2001:da8:8000:1::1', // CERNET
    '240e:e9:6002:15:0:ff:b015:146f', // China Telecom
    '2409:8c00::1', // China Mobile
  ])
    expect(isPublicAddress(address), address).toBe(true);
});

const signal = new AbortController().signal;
/** a DNS that would hand out a public address: a refusal can only come from the literal check */
const lookup = async () => [{ address: '93.184.216.34', family: 4 }];

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return AppError.is(error) ? error.code : String(error);
}

test('read_url refuses every form', async () => {
  const tool = readUrlTool(createToolFetch([], lookup));
  for (const url of localUrls) expect(await codeOf(tool.execute({ url }, { signal })), url).toBe('forbidden');
});

test('knowledge-base URL import refuses every form', async () => {
  const config = { maxUploadBytes: 1_000_000, tools: { trustedHosts: [] } } as unknown as Config;
  for (const url of localUrls) expect(await codeOf(fetchUrlDocument(config, url)), url).toBe('forbidden');
});

test('a name that resolves to any of these addresses is refused too', async () => {
  for (const url of localUrls) {
    const address = hostOf(url)!;
    const byName = readUrlTool(
      createToolFetch([], async () => [{ address, family: address.includes(':') ? 6 : 4 }]),
    );
    expect(await codeOf(byName.execute({ url: 'http://rebind.example/' }, { signal })), address).toBe(
      'forbidden',
    );
  }
});
