import { Hono } from 'hono';
import { auditWrites } from './access/audit-writes';
import { csrfGuard } from './access/csrf-guard';
import { resourceTeamRoutes } from './access/resource-team-routes';
import { teamRoutes } from './access/team-routes';
import { agentRoutes } from './agents/agent-routes';
import { plazaRoutes } from './agents/plaza-routes';
import { assistantRoutes } from './assistant/assistant-routes';
import { authRoutes } from './auth/auth-routes';
import { requireAuth } from './auth/require-auth';
import { conversationRoutes } from './chat/conversation-routes';
import { conversationExportRoutes } from './conversations/conversation-export-routes';
import { feedbackRoutes } from './feedback/feedback-routes';
import { fileRoutes } from './files/file-routes';
import { uploadPaths } from './files/upload-paths';
import type { AppDeps, AppEnv } from './http/app-env';
import { errorResponse, notFound } from './http/error-response';
import { limitBody } from './http/limit-body';
import { rejectNulInUrl } from './http/reject-nul-in-url';
import { serveWeb } from './http/serve-web';
import { knowledgeRoutes } from './knowledge/knowledge-routes';
import { openaiRoutes } from './openai/openai-routes';
import { providerRoutes } from './providers/provider-routes';
import { auditRoutes } from './safety/audit-routes';
import { lexiconTermRoutes } from './safety/lexicon-term-routes';
import { moderationRoutes } from './safety/moderation-routes';
import { settingsRoutes } from './settings/settings-routes';
import { publicShareRoutes } from './shares/public-share-routes';
import { shareRoutes } from './shares/share-routes';
import { speechRoutes } from './speech/speech-routes';
import { toolRoutes } from './tools/tool-routes';
import { topicRoutes } from './topics/topic-routes';
import { usageRoutes } from './usage/usage-routes';
import { apiKeyRoutes } from './users/api-key-routes';
import { userRoutes } from './users/user-routes';

/** The whole HTTP surface; tests call `createApp(deps).request(...)` directly. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((error, c) => errorResponse(c, error));
  app.notFound(notFound);
  app.use('*', rejectNulInUrl);

  app.get('/health', async (c) => c.json({ status: 'ok', database: deps.database.kind }));

  app.use('/api/*', csrfGuard);
  // before the app-wide limit: document uploads have their own (see knowledge-routes.ts)
  app.route('/api/knowledge-bases', knowledgeRoutes(deps));
  const limit = limitBody(deps.config.maxBodyBytes);
  app.use('/api/*', (c, next) => (uploadPaths.has(c.req.path) ? next() : limit(c, next)));
  app.use('/v1/*', limit);

  // Sign-in and first-run setup are reachable without a session; everything else is not.
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/public', publicShareRoutes(deps));
  app.use('/api/*', requireAuth(deps));
  app.use('/v1/*', requireAuth(deps));
  app.use('/api/providers/*', auditWrites(deps, 'provider'));
  app.use('/api/plaza/submissions/*', auditWrites(deps, 'plaza'));

  app.route('/api/users', userRoutes(deps));
  app.route('/api/keys', apiKeyRoutes(deps));
  app.route('/api/teams', teamRoutes(deps));
  // the teams an agent or knowledge base is shared with, set by its owner
  app.route('/api', resourceTeamRoutes(deps));
  app.route('/api', providerRoutes(deps));
  app.route('/api/conversations', conversationRoutes(deps));
  app.route('/api/conversations', conversationExportRoutes(deps));
  app.route('/api', assistantRoutes(deps));
  app.route('/api/messages', feedbackRoutes(deps));
  app.route('/api', shareRoutes(deps));
  app.route('/api/topics', topicRoutes(deps));
  app.route('/api/me/settings', settingsRoutes(deps));
  app.route('/api/me/usage', usageRoutes(deps, 'own'));
  app.route('/api', speechRoutes(deps));
  app.route('/api/files', fileRoutes(deps));
  app.route('/api/agents', agentRoutes(deps));
  app.route('/api/plaza', plazaRoutes(deps));
  app.route('/api/tools', toolRoutes(deps));
  app.route('/api/admin/moderation', moderationRoutes(deps));
  app.route('/api/admin/moderation', lexiconTermRoutes(deps));
  app.route('/api/admin/audit', auditRoutes(deps));
  app.route('/api/admin/usage', usageRoutes(deps, 'everyone'));
  app.route('/v1', openaiRoutes(deps));

  app.route('/', serveWeb());
  return app;
}
