import { Hono } from 'hono';
import { requireAuth } from '../auth/require-auth';
import type { AppDeps, AppEnv } from '../http/app-env';
import { limitBody } from '../http/limit-body';
import { bindingRoutes } from './binding-routes';
import { chunkRoutes } from './chunk-routes';
import { documentRoutes } from './document-routes';
import { knowledgeBaseRoutes } from './knowledge-base-routes';
import { searchRoutes } from './search-routes';

const uploadPath = /^\/api\/knowledge-bases\/[^/]+\/documents\/?$/;

/**
 * /api/knowledge-bases. Mounted ahead of the app-wide body limit because document uploads
 * get QIAO_MAX_UPLOAD_BYTES instead; everything else keeps QIAO_MAX_BODY_BYTES, and every
 * route needs a signed-in caller.
 */
export function knowledgeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const uploadLimit = limitBody(deps.config.maxUploadBytes);
  const bodyLimit = limitBody(deps.config.maxBodyBytes);
  app.use('*', (c, next) =>
    c.req.method === 'POST' && uploadPath.test(c.req.path) ? uploadLimit(c, next) : bodyLimit(c, next),
  );
  app.use('*', requireAuth(deps));
  app.route('/', bindingRoutes(deps));
  app.route('/', knowledgeBaseRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', chunkRoutes(deps));
  app.route('/', searchRoutes(deps));
  return app;
}
