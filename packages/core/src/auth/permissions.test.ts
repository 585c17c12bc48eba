import { expect, test } from 'vitest';
import { scopeFor, scopesAllow } from './api-key-scopes';
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
  expect(scopeFor('POST', '/v1/chat/completions')).toBe('chat');
  expect(scopeFor('GET', '/v1/models/openai/x')).toBe('models');
  expect(scopeFor('GET', '/api/knowledge-bases/1')).toBe('knowledge:read');
  expect(scopeFor('POST', '/api/knowledge-bases/1/search')).toBe('knowledge:read');
  expect(scopeFor('DELETE', '/api/knowledge-bases/1')).toBe('knowledge:write');
  expect(scopeFor('PATCH', '/api/agents/a')).toBe('agents');
  expect(scopeFor('GET', '/api/admin/audit')).toBe('admin');
  expect(scopeFor('GET', '/api/conversations')).toBe('chat');
  expect(scopesAllow(['knowledge:write'], 'knowledge:read')).toBe(true);
  expect(scopesAllow(['knowledge:read'], 'knowledge:write')).toBe(false);
  expect(scopesAllow(['admin'], 'chat')).toBe(false);
});
