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

type Needed = ApiKeyScope | readonly ApiKeyScope[];

/** The scopes a request may use (any one suffices), from its method and path. Ordered: first match wins. */
const rules: [RegExp, Needed | ((method: string) => ApiKeyScope)][] = [
  [/^\/v1\/chat\//, 'chat'],
  [/^\/v1\/(models|embeddings)(\/|$)/, 'models'],
  [/^\/v1\//, 'chat'],
  // searching, citations and binding a knowledge base to one's chat only read it
  [/^\/api\/knowledge-bases\/(bindings|message-sources)\//, 'knowledge:read'],
  [/^\/api\/knowledge-bases\/[^/]+\/search$/, 'knowledge:read'],
  [/^\/api\/knowledge-bases(\/|$)/, (m) => (isReadMethod(m) ? 'knowledge:read' : 'knowledge:write')],
  [/^\/api\/(agents|plaza)(\/|$)/, 'agents'],
  // the names offered when sharing an agent or a knowledge base with teams
  [/^\/api\/teams\/names$/, ['agents', 'knowledge:write', 'admin']],
  [/^\/api\/(users|keys|providers|admin|teams)(\/|$)/, 'admin'],
  [/^\/api\/models(\/|$)/, 'models'],
  [/^\/api\//, 'chat'],
];

export function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

export function scopesFor(method: string, path: string): readonly ApiKeyScope[] {
  for (const [pattern, scope] of rules) {
    if (!pattern.test(path)) continue;
    const needed = typeof scope === 'function' ? scope(method.toUpperCase()) : scope;
    return typeof needed === 'string' ? [needed] : needed;
  }
  return ['admin'];
}

/** `knowledge:write` implies `knowledge:read`; `admin` implies nothing else on purpose. */
export function scopesAllow(scopes: readonly ApiKeyScope[], needed: readonly ApiKeyScope[]): boolean {
  return needed.some(
    (scope) => scopes.includes(scope) || (scope === 'knowledge:read' && scopes.includes('knowledge:write')),
  );
}
