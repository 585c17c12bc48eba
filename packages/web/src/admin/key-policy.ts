import type { ApiKeyScope, CreateApiKeyBody } from '@qiao/core';
import type { KeyPolicyView } from './admin-api';

/** The policy part of the create-key form, as typed (strings; empty means "no limit"). */
export interface KeyPolicyForm {
  scopes: ApiKeyScope[];
  expiresOn: string;
  dailyRequests: string;
  dailyTokens: string;
  rateLimit: string;
  models: string;
  ips: string;
}

export const emptyKeyPolicy: KeyPolicyForm = {
  scopes: [],
  expiresOn: '',
  dailyRequests: '',
  dailyTokens: '',
  rateLimit: '',
  models: '',
  ips: '',
};

const list = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

const count = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Only the limits that were filled in: a key without any keeps its owner's full access. */
export function keyPolicyBody(form: KeyPolicyForm): Omit<CreateApiKeyBody, 'name' | 'username'> {
  const models = list(form.models);
  const ips = list(form.ips);
  const body: Omit<CreateApiKeyBody, 'name' | 'username'> = {
    ...(form.scopes.length > 0 ? { scopes: form.scopes } : {}),
    // the end of the chosen day, UTC, so "expires on the 31st" includes the 31st
    ...(form.expiresOn ? { expiresAt: new Date(`${form.expiresOn}T23:59:59Z`) } : {}),
    ...(models.length > 0 ? { models } : {}),
    ...(ips.length > 0 ? { ips } : {}),
  };
  for (const field of ['dailyRequests', 'dailyTokens', 'rateLimit'] as const) {
    const value = count(form[field]);
    if (value !== undefined) body[field] = value;
  }
  return body;
}

/** Short labels for a key's limits, in the order the list shows them. */
export function policyFacts(policy: KeyPolicyView | null, now = Date.now()) {
  if (!policy) return { full: true as const };
  const expiresAt = policy.expiresAt ? new Date(policy.expiresAt) : null;
  return {
    full: false as const,
    scopes: policy.scopes,
    expiresAt,
    expired: expiresAt !== null && expiresAt.getTime() <= now,
    dailyRequests: policy.dailyRequests,
    dailyTokens: policy.dailyTokens,
    rateLimit: policy.rateLimit,
    models: policy.models,
    ips: policy.ips,
  };
}
