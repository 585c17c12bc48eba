import { isReadMethod, type Permission } from '@qiao/core';

/**
 * The permission each request needs from the caller's role, checked once in requireAuth for
 * every /api and /v1 route (routes may check finer things, e.g. membership of a knowledge base).
 * First match wins; anything unlisted needs `chat`, which every role has.
 */
const rules: [method: 'read' | 'write' | 'any', path: RegExp, permission: Permission][] = [
  ['any', /^\/api\/users(\/|$)/, 'users.manage'],
  // owners of an agent or knowledge base share it with their team (team-routes.ts checks more)
  ['write', /^\/api\/teams\/[^/]+\/shares(\/|$)/, 'agents.create'],
  ['write', /^\/api\/teams(\/|$)/, 'teams.manage'],
  // every team by name, for the owner of an agent or knowledge base to share it with
  ['read', /^\/api\/teams\/names$/, 'chat'],
  ['any', /^\/api\/providers(\/|$)/, 'providers.manage'],
  ['any', /^\/api\/admin\/moderation(\/|$)/, 'moderation.manage'],
  ['any', /^\/api\/admin\/audit(\/|$)/, 'audit.read'],
  ['any', /^\/api\/plaza\/submissions(\/|$)/, 'moderation.manage'],
  ['any', /^\/api\/keys(\/|$)/, 'keys.create'],
  // the teams of an agent (resource-team-routes.ts also checks it may be edited)
  ['write', /^\/api\/agents\/[^/]+\/teams$/, 'agents.create'],
  ['write', /^\/api\/agents(\/|$)/, 'agents.create'],
  ['read', /^\/api\/agents(\/|$)/, 'agents.use'],
  // binding a knowledge base to one's own conversation and searching are reading
  ['any', /^\/api\/knowledge-bases\/bindings\//, 'knowledge.read'],
  ['write', /^\/api\/knowledge-bases\/[^/]+\/search$/, 'knowledge.read'],
  // the teams of a knowledge base (resource-team-routes.ts also checks the manage role)
  ['write', /^\/api\/knowledge-bases\/[^/]+\/teams$/, 'knowledge.write'],
  ['write', /^\/api\/knowledge-bases(\/|$)/, 'knowledge.write'],
  ['read', /^\/api\/knowledge-bases(\/|$)/, 'knowledge.read'],
  ['any', /^\/v1\/(models|embeddings)(\/|$)/, 'models.use'],
  ['any', /^\/api\/models(\/|$)/, 'models.use'],
];

export function routePermission(method: string, path: string): Permission {
  const read = isReadMethod(method.toUpperCase());
  for (const [kind, pattern, permission] of rules) {
    if (kind === 'read' && !read) continue;
    if (kind === 'write' && read) continue;
    if (pattern.test(path)) return permission;
  }
  return 'chat';
}
