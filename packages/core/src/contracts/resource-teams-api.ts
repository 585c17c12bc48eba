import { z } from 'zod';

/**
 * Which teams an agent or a knowledge base is shared with, set by whoever may edit it
 * (PUT /api/agents/:id/teams, PUT /api/knowledge-bases/:id/teams; docs/access-control.md).
 * Each body replaces the whole set; an empty list shares with no team.
 */

const teamId = z.string().min(1).max(200);

export const agentTeamsBody = z.strictObject({
  teamIds: z
    .array(teamId)
    .max(200)
    .transform((ids) => [...new Set(ids)]),
});
export type AgentTeamsBody = z.infer<typeof agentTeamsBody>;

export const kbTeamShare = z.strictObject({ teamId, role: z.enum(['read', 'write']) });
export type KbTeamShare = z.infer<typeof kbTeamShare>;

export const kbTeamsBody = z.strictObject({
  shares: z
    .array(kbTeamShare)
    .max(200)
    .refine(
      (shares) => new Set(shares.map((s) => s.teamId)).size === shares.length,
      'A team is listed twice',
    ),
});
export type KbTeamsBody = z.infer<typeof kbTeamsBody>;

/** A team as the owner of a resource picks it: every team of the deployment is listed. */
export interface TeamNameDto {
  id: string;
  name: string;
  /** whether the caller is in the team */
  member: boolean;
}

export interface AgentTeamsDto {
  teams: { id: string; name: string }[];
}

export interface KbTeamsDto {
  shares: { teamId: string; name: string; role: 'read' | 'write' }[];
}
