import { AppError, can, type Role } from '@qiao/core';
import { and, count, eq, sql } from 'drizzle-orm';
import { roleCovers } from '../access/role-covers';
import type { Db } from '../db';
import { users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { apiKeyCacheFor } from './api-key-cache';

const privileged = (role: Role) => role === 'owner' || role === 'admin';

/**
 * Changes a user's role. Only an owner grants or takes away owner/admin; nobody changes their
 * own role; nobody grants a role, or touches a user whose role, has rights they lack; the last
 * owner stays an owner, so the instance never loses its top account.
 */
export async function setUserRole(db: Db, actor: AuthContext, userId: string, role: Role): Promise<Role> {
  if (userId === actor.userId) throw new AppError('conflict', 'You cannot change your own role');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qiao:set-role'))`);
    const [target] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!target) throw new AppError('not_found', 'No such user');
    if ((privileged(role) || privileged(target.role)) && !can(actor.role, 'admins.manage')) {
      throw new AppError('forbidden', 'Only the owner can grant or take away the admin and owner roles');
    }
    if (!roleCovers(actor.role, role) || !roleCovers(actor.role, target.role)) {
      throw new AppError('forbidden', `Your role (${actor.role}) cannot raise anyone above it`);
    }
    if (target.role === 'owner' && role !== 'owner') {
      const [owners] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'owner')));
      if (Number(owners?.n ?? 0) <= 1) throw new AppError('conflict', 'The last owner cannot be demoted');
    }
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    // cached API keys carry the role: they must see the new one at once
    apiKeyCacheFor(db).evictUser(userId);
    return target.role;
  });
}
