/**
 * What an API key may reach. A key without scopes acts with its owner's full role (keys made
 * before scopes existed keep working); a scoped key gets the intersection of both.
 */
export const apiKeyScopes = [
  'chat',
  'models',
  'knowledge:read',
  'knowledge:write',
  'agents',
  'admin',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** The scope a request needs, from its method and path. Ordered: first match wins. */
const rules: [RegExp, ApiKeyScope | ((method: string) => ApiKeyScope)][] = [
  [/^\/v1\/chat\//, 'chat'],
  [/^\/v1\/(models|embeddings)(\/|$)/, 'models'],
  [/^\/v1\//, 'chat'],
  // searching, citations and binding a knowledge base to one's chat only read it
  [/^\/api\/knowledge-bases\/(bindings|message-sources)\//, 'knowledge:read'],
  [/^\/api\/knowledge-bases\/[^/]+\/search$/, 'knowledge:read'],
  [/^\/api\/knowledge-bases(\/|$)/, (m) => (isReadMethod(m) ? 'knowledge:read' : 'knowledge:write')],
  [/^\/api\/(agents|plaza)(\/|$)/, 'agents'],
  [/^\/api\/(users|keys|providers|admin|teams)(\/|$)/, 'admin'],
  [/^\/api\/models(\/|$)/, 'models'],
  [/^\/api\//, 'chat'],
];

export function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

export function scopeFor(method: string, path: string): ApiKeyScope {
  for (const [pattern, scope] of rules) {
    if (pattern.test(path)) return typeof scope === 'function' ? scope(method.toUpperCase()) : scope;
  }
  return 'admin';
}

/** `knowledge:write` implies `knowledge:read`; `admin` implies nothing else on purpose. */
export function scopesAllow(scopes: readonly ApiKeyScope[], needed: ApiKeyScope): boolean {
  if (scopes.includes(needed)) return true;
  return needed === 'knowledge:read' && scopes.includes('knowledge:write');
}
