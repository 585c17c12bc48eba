import { type SQL, sql } from 'drizzle-orm';

const tables = { agent: '"agents"."id"', kb: '"knowledge_bases"."id"' } as const;

/**
 * True (in SQL) when a resource is shared with no team, or with a team the user is in: the
 * visibility rule of "team" agents and knowledge bases, enforced inside the query so that
 * lists never hold rows the caller may not see. Names are written out in full because drizzle
 * leaves columns unqualified in single-table selects, which the subqueries would make ambiguous.
 */
export function teamVisible(kind: keyof typeof tables, userId: string): SQL<boolean> {
  const resource = sql.raw(tables[kind]);
  return sql<boolean>`(not exists (select 1 from "team_shares" s where s."resource_kind" = ${kind} and s."resource_id" = ${resource}) or exists (select 1 from "team_shares" s inner join "team_members" m on m."team_id" = s."team_id" where s."resource_kind" = ${kind} and s."resource_id" = ${resource} and m."user_id" = ${userId}))`;
}

/**
 * The strongest role ('read' | 'write') a user gets on a knowledge base through the teams it
 * is shared with, or null. Use in a query that joins more than one table, so that drizzle
 * qualifies the outer columns too.
 */
export function teamKbRole(userId: string): SQL<'read' | 'write' | null> {
  return sql<
    'read' | 'write' | null
  >`(select max(s."role") from "team_shares" s inner join "team_members" m on m."team_id" = s."team_id" where s."resource_kind" = 'kb' and s."resource_id" = "knowledge_bases"."id" and m."user_id" = ${userId})`;
}
