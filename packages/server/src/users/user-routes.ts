import { AppError } from '@qiao/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { currentAuth } from '../auth/current-auth';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { setUserDisabled } from './set-user-disabled';
import { createUser, findUserById, listUsers } from './user-store';

const newUser = z.object({
  username: z.string(),
  password: z.string(),
  admin: z.boolean().optional(),
});

const userPatch = z.object({ disabled: z.boolean() });

/** Mounted at /api/users behind requireAuth; administrators only. */
export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);

  app.get('/', async (c) => c.json({ users: await listUsers(db) }));

  app.post('/', async (c) => {
    const { username, password, admin } = await readJson(c, newUser);
    const user = await createUser(db, { username, password, role: admin ? 'admin' : 'member' });
    return c.json({ user }, 201);
  });

  app.patch('/:id', async (c) => {
    const { disabled } = await readJson(c, userPatch);
    const id = c.req.param('id');
    if (disabled && id === currentAuth(c).userId)
      throw new AppError('conflict', 'You cannot disable your own account');
    await setUserDisabled(db, id, disabled);
    return c.json({ user: await findUserById(db, id) });
  });

  return app;
}
