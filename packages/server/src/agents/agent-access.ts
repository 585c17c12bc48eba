import { can } from '@qiao/core';
import type { AuthContext } from '../http/app-env';

export interface AgentAccessFacts {
  ownerId: string;
  visibility: 'private' | 'team' | 'plaza';
  listed: 'no' | 'pending' | 'yes';
  /** false when the agent is shared with teams the caller is not in (access/team-visibility.ts) */
  inTeam?: boolean;
}

/**
 * Who may use an agent. A "team" agent shared with no team is visible to everyone signed in;
 * shared with teams, to their members. A plaza agent is public once an administrator approved
 * it; waiting for review or rejected, nobody but its owner and the administrators sees it, since
 * what has not been reviewed must not reach anyone by the plaza's door.
 */
export function canReadAgent(auth: AuthContext, agent: AgentAccessFacts): boolean {
  if (agent.ownerId === auth.userId || can(auth.role, 'resources.all')) return true;
  if (agent.visibility === 'plaza') return agent.listed === 'yes';
  return agent.visibility === 'team' && agent.inTeam !== false;
}

export function canEditAgent(auth: AuthContext, agent: AgentAccessFacts): boolean {
  return agent.ownerId === auth.userId || can(auth.role, 'resources.all');
}
