import type { AgentSpec } from '@qiao/core';
import type { Db } from '../db';
import type { AuthContext } from '../http/app-env';
import { builtinAgentId } from './agent-dto';
import { getReadableAgent } from './agent-store';
import { builtinAgentSpec, findBuiltinAgent } from './builtin';

export interface ResolvedAgent {
  id: string;
  slug: string;
  builtIn: boolean;
  spec: AgentSpec;
}

/**
 * An agent the caller may use, by id, slug or `builtin:<slug>`: a built-in one (in the
 * caller's language) or a stored one they may read. 404 otherwise.
 */
export async function resolveAgent(
  db: Db,
  auth: AuthContext,
  idOrSlug: string,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): Promise<ResolvedAgent> {
  const builtin = findBuiltinAgent(idOrSlug.replace(/^builtin:/, ''));
  if (builtin) {
    return {
      id: builtinAgentId(builtin.slug),
      slug: builtin.slug,
      builtIn: true,
      spec: builtinAgentSpec(builtin, lang),
    };
  }
  const row = await getReadableAgent(db, auth, idOrSlug);
  return { id: row.id, slug: row.slug, builtIn: false, spec: row.spec };
}
