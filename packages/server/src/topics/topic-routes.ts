import { createTopicBody, updateTopicBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { createTopic, deleteTopic, listTopics, renameTopic, toTopicDto } from './topic-store';

/** /api/topics: the signed-in user's topics; anyone else's are 404. */
export function topicRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/', async (c) => c.json({ topics: (await listTopics(db, c.get('auth').userId)).map(toTopicDto) }));

  app.post('/', async (c) => {
    const { name } = await readJson(c, createTopicBody);
    return c.json(toTopicDto(await createTopic(db, c.get('auth').userId, name)), 201);
  });

  app.patch('/:id', async (c) => {
    const { name } = await readJson(c, updateTopicBody);
    return c.json(toTopicDto(await renameTopic(db, c.get('auth').userId, c.req.param('id'), name)));
  });

  app.delete('/:id', async (c) => {
    await deleteTopic(db, c.get('auth').userId, c.req.param('id'));
    return c.body(null, 204);
  });

  return app;
}
