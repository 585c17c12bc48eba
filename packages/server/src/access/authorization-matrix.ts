import type { ApiKeyScope } from '@qiao/core';

/**
 * The expected access of every route, written out by hand (not derived from the code it
 * checks): the least role that may call it, and the scope an API key needs. `public` routes
 * need no credentials. authorization-matrix.test.ts fails on a route missing here.
 */
export type MinRole = 'public' | 'viewer' | 'member' | 'admin' | 'owner';
export type MatrixEntry = [MinRole, ApiKeyScope | null];

const viewer = (scope: ApiKeyScope): MatrixEntry => ['viewer', scope];
const member = (scope: ApiKeyScope): MatrixEntry => ['member', scope];
const admin: MatrixEntry = ['admin', 'admin'];
const open: MatrixEntry = ['public', null];
const chat = viewer('chat');

export const authorizationMatrix: Record<string, MatrixEntry> = {
  'GET /health': open,
  'GET /*': open,
  'HEAD /*': open,
  'POST /api/auth/login': open,
  'POST /api/auth/logout': open,
  'GET /api/auth/setup': open,
  'POST /api/auth/setup': open,
  'GET /api/public/shares/:id': open,
  'GET /api/auth/me': chat,

  'GET /api/knowledge-bases/bindings/:conversationId': viewer('knowledge:read'),
  'PUT /api/knowledge-bases/bindings/:conversationId': viewer('knowledge:read'),
  'GET /api/knowledge-bases/message-sources/:messageId': viewer('knowledge:read'),
  'POST /api/knowledge-bases': member('knowledge:write'),
  'GET /api/knowledge-bases': viewer('knowledge:read'),
  'GET /api/knowledge-bases/:id': viewer('knowledge:read'),
  'PATCH /api/knowledge-bases/:id': member('knowledge:write'),
  'DELETE /api/knowledge-bases/:id': member('knowledge:write'),
  'GET /api/knowledge-bases/:id/members': viewer('knowledge:read'),
  'PUT /api/knowledge-bases/:id/members': member('knowledge:write'),
  'DELETE /api/knowledge-bases/:id/members/:userId': member('knowledge:write'),
  'POST /api/knowledge-bases/:id/documents': member('knowledge:write'),
  'POST /api/knowledge-bases/:id/documents/url': member('knowledge:write'),
  'GET /api/knowledge-bases/:id/documents': viewer('knowledge:read'),
  'GET /api/knowledge-bases/:id/documents/:docId': viewer('knowledge:read'),
  'DELETE /api/knowledge-bases/:id/documents/:docId': member('knowledge:write'),
  'POST /api/knowledge-bases/:id/documents/:docId/cancel': member('knowledge:write'),
  'POST /api/knowledge-bases/:id/documents/:docId/retry': member('knowledge:write'),
  'GET /api/knowledge-bases/:id/documents/:docId/chunks': viewer('knowledge:read'),
  'PATCH /api/knowledge-bases/:id/chunks/:chunkId': member('knowledge:write'),
  'POST /api/knowledge-bases/:id/search': viewer('knowledge:read'),

  'GET /api/users': admin,
  'POST /api/users': admin,
  'PATCH /api/users/:id': admin,
  'GET /api/keys': member('admin'),
  'POST /api/keys': member('admin'),
  'DELETE /api/keys/:id': member('admin'),
  'GET /api/teams': viewer('admin'),
  'POST /api/teams': admin,
  'DELETE /api/teams/:id': admin,
  'POST /api/teams/:id/members': admin,
  'DELETE /api/teams/:id/members/:userId': admin,
  'PUT /api/teams/:id/shares': member('admin'),
  'DELETE /api/teams/:id/shares/:kind/:resourceId': member('admin'),

  'GET /api/models': viewer('models'),
  'GET /api/providers': admin,
  'POST /api/providers': admin,
  'DELETE /api/providers/:id': admin,
  'POST /api/providers/:id/test': admin,
  'GET /api/providers/:id/models': admin,
  'PUT /api/providers/:id/models': admin,

  'POST /api/conversations': chat,
  'GET /api/conversations': chat,
  'GET /api/conversations/:id': chat,
  'PATCH /api/conversations/:id': chat,
  'DELETE /api/conversations/:id': chat,
  'GET /api/conversations/:id/messages': chat,
  'POST /api/conversations/:id/messages': chat,
  'POST /api/conversations/:id/messages/:messageId/edit': chat,
  'POST /api/conversations/:id/regenerate': chat,
  'POST /api/conversations/:id/stop': chat,
  'GET /api/assistant': chat,
  'GET /api/capabilities': chat,
  'POST /api/messages/:id/feedback': chat,
  'POST /api/conversations/:id/shares': chat,
  'GET /api/shares': chat,
  'DELETE /api/shares/:id': chat,
  'GET /api/topics': chat,
  'POST /api/topics': chat,
  'PATCH /api/topics/:id': chat,
  'DELETE /api/topics/:id': chat,
  'GET /api/me/settings': chat,
  'PATCH /api/me/settings': chat,
  'POST /api/speech': chat,
  'POST /api/transcriptions': chat,
  'POST /api/files': chat,
  'GET /api/files/:id/content': chat,

  'GET /api/agents': viewer('agents'),
  'POST /api/agents': member('agents'),
  'POST /api/agents/draft': member('agents'),
  'POST /api/agents/import': member('agents'),
  'GET /api/agents/:id': viewer('agents'),
  'PATCH /api/agents/:id': member('agents'),
  'DELETE /api/agents/:id': member('agents'),
  'GET /api/agents/:id/versions': viewer('agents'),
  'POST /api/agents/:id/versions/:version/restore': member('agents'),
  'GET /api/agents/:id/export': viewer('agents'),
  'POST /api/agents/:id/copy': member('agents'),
  'POST /api/agents/:id/submit': member('agents'),
  'GET /api/plaza': viewer('agents'),
  'GET /api/plaza/submissions': ['admin', 'agents'],
  'POST /api/plaza/submissions/:id/review': ['admin', 'agents'],

  'GET /api/admin/moderation/categories': admin,
  'PUT /api/admin/moderation/categories/:id': admin,
  'DELETE /api/admin/moderation/categories/:id': admin,
  'POST /api/admin/moderation/import': admin,
  'GET /api/admin/moderation/export': admin,
  'POST /api/admin/moderation/test': admin,
  'GET /api/admin/moderation/events': admin,
  'GET /api/admin/audit': admin,

  'POST /v1/chat/completions': viewer('chat'),
  'GET /v1/models': viewer('models'),
  'GET /v1/models/:id{.+}': viewer('models'),
  'POST /v1/embeddings': viewer('models'),
};
