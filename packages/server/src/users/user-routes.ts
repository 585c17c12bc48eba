import { AppError, can, roles, updateUserBody } from '@qiao/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { roleCovers } from '../access/role-covers';
import { currentAuth } from '../auth/current-auth';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { appendAudit } from '../safety/audit-log';
import { setUserDisabled } from './set-user-disabled';
import { setUserRole } from './set-user-role';
import { createUser, findUserById, listUsers } from './user-store';

const newUser = z.object({
  username: z.string(),
  password: z.string(),
  admin: z.boolean().optional(),
  role: z.enum(roles).optional(),
});

/** Mounted at /api/users behind requireAuth; administrators only. */
export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);

  app.get('/', async (c) => c.json({ users: await listUsers(db) }));

  app.post('/', async (c) => {
    const auth = currentAuth(c);
    const { username, password, admin, role: asked } = await readJson(c, newUser);
    const role = asked ?? (admin ? 'admin' : 'member');
    if ((role === 'admin' || role === 'owner') && !can(auth.role, 'admins.manage'))
      throw new AppError('forbidden', 'Only the owner can create administrators');
    if (!roleCovers(auth.role, role))
      throw new AppError('forbidden', `Your role (${auth.role}) cannot create a ${role}`);
    const user = await createUser(db, { username, password, role });
    await appendAudit(db, auth, {
      action: 'user.create',
      target: user.id,
      detail: { username, role: user.role },
    });
    return c.json({ user }, 201);
  });

  app.patch('/:id', async (c) => {
    const auth = currentAuth(c);
    const { disabled, role } = await readJson(c, updateUserBody);
    const id = c.req.param('id');
    if (role !== undefined) {
      const from = await setUserRole(db, auth, id, role);
      await appendAudit(db, auth, { action: 'user.role', target: id, detail: { from, to: role } });
    }
    if (disabled !== undefined) {
      if (disabled && id === auth.userId)
        throw new AppError('conflict', 'You cannot disable your own account');
      const target = await findUserById(db, id);
      if ((target?.role === 'owner' || target?.role === 'admin') && !can(auth.role, 'admins.manage'))
        throw new AppError('forbidden', 'Only the owner can disable administrators');
      await setUserDisabled(db, id, disabled);
      await appendAudit(db, auth, { action: disabled ? 'user.disable' : 'user.enable', target: id });
    }
    return c.json({ user: await findUserById(db, id) });
  });

  return app;
}
