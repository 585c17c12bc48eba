import type { Db } from '../db';
import type { AuthContext } from '../http/app-env';
import { listOwnAgents, listSharedAgents } from './agent-store';
import { builtinAgents } from './builtin';

/** The `agent/<slug>` ids a caller may use, for GET /v1/models. */
export async function agentModelIds(db: Db, auth: AuthContext): Promise<string[]> {
  const [own, shared] = await Promise.all([
    listOwnAgents(db, auth.userId),
    listSharedAgents(db, auth.userId),
  ]);
  return [...builtinAgents, ...own, ...shared].map((agent) => `agent/${agent.slug}`);
}
