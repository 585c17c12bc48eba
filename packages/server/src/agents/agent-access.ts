import type { AuthContext } from '../http/app-env';

export interface AgentAccessFacts {
  ownerId: string;
  visibility: 'private' | 'team' | 'plaza';
  listed: 'no' | 'pending' | 'yes';
}

/**
 * Who may use an agent. Until teams exist (issue 6) "team" means everyone signed in to this
 * Qiao; a plaza agent is public only once an administrator approved it, and before that it
 * is as visible as a team agent.
 */
export function canReadAgent(auth: AuthContext, agent: AgentAccessFacts): boolean {
  if (agent.ownerId === auth.userId || auth.role === 'admin') return true;
  return agent.visibility !== 'private';
}

export function canEditAgent(auth: AuthContext, agent: AgentAccessFacts): boolean {
  return agent.ownerId === auth.userId || auth.role === 'admin';
}
