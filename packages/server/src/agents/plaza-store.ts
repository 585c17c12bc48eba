import { type AgentCategory, type AgentDto, AppError, type PlazaSubmissionDto } from '@qiao/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agents, plazaSubmissions, users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { builtinAgentDto, toAgentDto } from './agent-dto';
import { builtinAgents } from './builtin';

export interface PlazaFilter {
  q?: string;
  category?: AgentCategory;
  lang: 'zh-CN' | 'en';
}

/** The curated built-ins first, then people's agents that an administrator approved. */
export async function listPlaza(db: Db, auth: AuthContext, filter: PlazaFilter): Promise<AgentDto[]> {
  const approved = await db
    .select()
    .from(agents)
    .where(and(eq(agents.visibility, 'plaza'), eq(agents.listed, 'yes')))
    .orderBy(desc(agents.updatedAt))
    .limit(500);
  const all = [
    ...builtinAgents.map((agent) => builtinAgentDto(agent, filter.lang)),
    ...approved.map((row) => toAgentDto(row, auth)),
  ];
  const needle = filter.q?.toLowerCase();
  return all.filter(
    (agent) =>
      (!filter.category || agent.category === filter.category) &&
      (!needle || `${agent.name}\n${agent.description}`.toLowerCase().includes(needle)),
  );
}

/** The owner asks for a plaza listing; an administrator decides. */
export async function submitToPlaza(db: Db, auth: AuthContext, agentId: string): Promise<PlazaSubmissionDto> {
  return db.transaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(eq(agents.id, agentId)).for('update');
    if (!agent || agent.ownerId !== auth.userId) throw new AppError('not_found', 'No such agent of yours');
    if (agent.listed === 'pending')
      throw new AppError('conflict', 'This agent is already waiting for review');
    if (agent.listed === 'yes') throw new AppError('conflict', 'This agent is already in the plaza');
    await tx
      .update(agents)
      .set({ listed: 'pending', visibility: 'plaza', spec: { ...agent.spec, visibility: 'plaza' } })
      .where(eq(agents.id, agentId));
    const [row] = await tx.insert(plazaSubmissions).values({ agentId, submittedBy: auth.userId }).returning();
    return toSubmissionDto(row!, agent.name, auth.username);
  });
}

export async function listSubmissions(db: Db, status?: 'pending' | 'approved' | 'rejected') {
  const rows = await db
    .select({ submission: plazaSubmissions, agentName: agents.name, username: users.username })
    .from(plazaSubmissions)
    .innerJoin(agents, eq(agents.id, plazaSubmissions.agentId))
    .innerJoin(users, eq(users.id, plazaSubmissions.submittedBy))
    .where(status ? eq(plazaSubmissions.status, status) : undefined)
    .orderBy(desc(plazaSubmissions.createdAt))
    .limit(200);
  return rows.map((r) => toSubmissionDto(r.submission, r.agentName, r.username));
}

export async function reviewSubmission(
  db: Db,
  reviewer: AuthContext,
  submissionId: string,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<PlazaSubmissionDto> {
  return db.transaction(async (tx) => {
    const [submission] = await tx
      .select()
      .from(plazaSubmissions)
      .where(eq(plazaSubmissions.id, submissionId))
      .for('update');
    if (!submission) throw new AppError('not_found', 'No such submission');
    if (submission.status !== 'pending') throw new AppError('conflict', `Already ${submission.status}`);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const [row] = await tx
      .update(plazaSubmissions)
      .set({ status, reviewedBy: reviewer.userId, note: note ?? null, reviewedAt: new Date() })
      .where(eq(plazaSubmissions.id, submissionId))
      .returning();
    const [agent] = await tx
      .update(agents)
      .set({ listed: decision === 'approve' ? 'yes' : 'no' })
      .where(eq(agents.id, submission.agentId))
      .returning();
    return toSubmissionDto(row!, agent?.name ?? '', submission.submittedBy);
  });
}

function toSubmissionDto(
  row: typeof plazaSubmissions.$inferSelect,
  agentName: string,
  submittedBy: string,
): PlazaSubmissionDto {
  return {
    id: row.id,
    agentId: row.agentId,
    agentName,
    submittedBy,
    status: row.status,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
