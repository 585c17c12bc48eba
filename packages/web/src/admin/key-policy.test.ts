import { createApiKeyBody } from '@qiao/core';
import { expect, test } from 'vitest';
import { emptyKeyPolicy, keyPolicyBody, policyFacts } from './key-policy';

test('an empty form sends no limits: the key keeps its owner’s access', () => {
  expect(keyPolicyBody(emptyKeyPolicy)).toEqual({});
});

test('filled limits become a body the server’s schema accepts', () => {
  const body = keyPolicyBody({
    scopes: ['chat', 'models'],
    expiresOn: '2031-01-31',
    dailyRequests: '1000',
    dailyTokens: '200000',
    rateLimit: '',
    models: 'openai/*, deepseek/deepseek-chat',
    ips: '10.0.0.0/8\n127.0.0.1',
  });
  expect(body).toEqual({
    scopes: ['chat', 'models'],
    expiresAt: new Date('2031-01-31T23:59:59Z'),
    dailyRequests: 1000,
    dailyTokens: 200000,
    models: ['openai/*', 'deepseek/deepseek-chat'],
    ips: ['10.0.0.0/8', '127.0.0.1'],
  });
  expect(createApiKeyBody.safeParse({ name: 'ci', ...JSON.parse(JSON.stringify(body)) }).success).toBe(true);
});

test('a past expiry reads as expired; no policy reads as full access', () => {
  expect(policyFacts(null)).toEqual({ full: true });
  const facts = policyFacts(
    {
      scopes: ['chat'],
      expiresAt: '2020-01-01T00:00:00Z',
      dailyRequests: null,
      dailyTokens: 5,
      models: null,
      ips: null,
      rateLimit: null,
    },
    Date.parse('2026-01-01'),
  );
  expect(facts).toMatchObject({ full: false, expired: true, dailyTokens: 5, scopes: ['chat'] });
});
