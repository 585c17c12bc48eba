import { expect, test } from 'vitest';
import { scopesAllow, scopesFor } from './api-key-scopes';
import { can, isAdminRole, permissionsOf } from './permissions';

test('the role table: viewer reads and chats, member creates, admin manages, owner manages admins', () => {
  expect(permissionsOf('viewer')).toEqual(['chat', 'models.use', 'knowledge.read', 'agents.use']);
  expect(can('viewer', 'agents.create')).toBe(false);
  expect(can('member', 'agents.create')).toBe(true);
  expect(can('member', 'users.manage')).toBe(false);
  expect(can('admin', 'users.manage')).toBe(true);
  expect(can('admin', 'admins.manage')).toBe(false);
  expect(can('owner', 'admins.manage')).toBe(true);
  expect([isAdminRole('owner'), isAdminRole('admin'), isAdminRole('member')]).toEqual([true, true, false]);
});

test('paths map to scopes; knowledge:write implies knowledge:read', () => {
  expect(scopesFor('POST', '/v1/chat/completions')).toEqual(['chat']);
  expect(scopesFor('GET', '/v1/models/openai/x')).toEqual(['models']);
  expect(scopesFor('GET', '/api/knowledge-bases/1')).toEqual(['knowledge:read']);
  expect(scopesFor('POST', '/api/knowledge-bases/1/search')).toEqual(['knowledge:read']);
  expect(scopesFor('DELETE', '/api/knowledge-bases/1')).toEqual(['knowledge:write']);
  expect(scopesFor('PATCH', '/api/agents/a')).toEqual(['agents']);
  expect(scopesFor('GET', '/api/admin/audit')).toEqual(['admin']);
  expect(scopesFor('GET', '/api/conversations')).toEqual(['chat']);
  expect(scopesAllow(['knowledge:write'], ['knowledge:read'])).toBe(true);
  expect(scopesAllow(['knowledge:read'], ['knowledge:write'])).toBe(false);
  expect(scopesAllow(['admin'], ['chat'])).toBe(false);
  // picking teams to share an agent or a knowledge base with
  const teamNames = scopesFor('GET', '/api/teams/names');
  expect([scopesAllow(['agents'], teamNames), scopesAllow(['knowledge:write'], teamNames)]).toEqual([
    true,
    true,
  ]);
  expect(scopesAllow(['chat', 'knowledge:read'], teamNames)).toBe(false);
  expect(scopesFor('GET', '/api/teams')).toEqual(['admin']);
});
