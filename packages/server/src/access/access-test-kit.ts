import type { Role } from '@qiao/core';
import { type ChatTestAppOptions, startChatTestApp } from '../../test/helpers/chat-test-app';
import { users } from '../db/schema';
import { createApiKey } from '../users/api-key-store';

/**
 * Test-only: the whole app with one user per role (owner, admin, member, viewer), each with an
 * unscoped API key; `as(role)` sends requests with that user's key.
 */
export async function startAccessTestApp(options: ChatTestAppOptions = {}) {
  const t = await startChatTestApp(options);
  const db = t.database.db;
  const addUser = async (username: string, role: Role) => {
    // straight into the table: these users sign in with keys, so no slow password hash
    const [user] = await db.insert(users).values({ username, passwordHash: 'unusable', role }).returning();
    const { key } = await createApiKey(db, { userId: user!.id, name: `${username}-key` });
    return { ...user!, key };
  };
  const people = {
    owner: await addUser('olivia', 'owner'),
    admin: await addUser('adam', 'admin'),
    member: await addUser('mia', 'member'),
    viewer: await addUser('victor', 'viewer'),
  };
  const as = (role: Role | { key: string }, path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, { ...init, key: typeof role === 'string' ? people[role].key : role.key });
  return { ...t, db, people, addUser, as };
}

export type AccessTestApp = Awaited<ReturnType<typeof startAccessTestApp>>;
