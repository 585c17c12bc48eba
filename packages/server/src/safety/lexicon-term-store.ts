import type { HitStats, TermView } from '@qiao/core';
import { and, asc, count, desc, eq, gte, ilike, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { moderationTerms, safetyEvents } from '../db/schema';

/** The terms of the lexicon, filtered, each with the moderation events that named it. */
export async function listTerms(
  db: Db,
  filter: { category?: string; q?: string; limit: number },
): Promise<TermView[]> {
  const where: SQL[] = [];
  if (filter.category) where.push(eq(moderationTerms.categoryId, filter.category));
  if (filter.q) where.push(ilike(moderationTerms.term, `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`));
  const rows = await db
    .select({ id: moderationTerms.id, term: moderationTerms.term, category: moderationTerms.categoryId })
    .from(moderationTerms)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(moderationTerms.categoryId), asc(moderationTerms.term))
    .limit(filter.limit);
  const hits = new Map((await termHits(db, filter.category)).map((h) => [`${h.category}\n${h.term}`, h]));
  return rows.map((r) => {
    const h = hits.get(`${r.category}\n${r.term}`);
    return { ...r, hits: h?.hits ?? 0, lastHitAt: h?.lastHitAt ?? null };
  });
}

export async function deleteTerm(
  db: Db,
  id: string,
): Promise<{ term: string; category: string } | undefined> {
  const [row] = await db
    .delete(moderationTerms)
    .where(eq(moderationTerms.id, id))
    .returning({ term: moderationTerms.term, category: moderationTerms.categoryId });
  return row;
}

/** Hits per category and per term since a date, read from safety_events (one row per category hit). */
export async function hitStats(db: Db, since?: Date): Promise<HitStats> {
  const byCategory = await db
    .select({ category: safetyEvents.category, hits: count(), last: max(safetyEvents.createdAt) })
    .from(safetyEvents)
    .where(and(eq(safetyEvents.kind, 'moderation'), since ? gte(safetyEvents.createdAt, since) : undefined))
    .groupBy(safetyEvents.category)
    .orderBy(desc(count()));
  const terms = await termHits(db, undefined, since);
  return {
    categories: byCategory.map((r) => ({
      category: r.category ?? '',
      hits: Number(r.hits),
      lastHitAt: r.last ? new Date(r.last).toISOString() : null,
    })),
    terms: terms
      .map(({ category, term, hits }) => ({ category, term, hits }))
      .sort((a, b) => b.hits - a.hits),
  };
}

/** An event lists the distinct lexicon terms it hit in `detail.terms`. */
async function termHits(db: Db, category?: string, since?: Date) {
  const conditions = [sql`kind = 'moderation'`, sql`jsonb_typeof(detail->'terms') = 'array'`];
  if (category) conditions.push(sql`category = ${category}`);
  if (since) conditions.push(sql`created_at >= ${since.toISOString()}::timestamptz`);
  const result = await db.execute(sql`
    select category, t.term, count(*) as hits, max(created_at) as last
    from ${safetyEvents}, jsonb_array_elements_text(detail->'terms') as t(term)
    where ${sql.join(conditions, sql` and `)}
    group by category, t.term`);
  const rows = (
    result as unknown as { rows: { category: string; term: string; hits: unknown; last: unknown }[] }
  ).rows;
  return rows.map((r) => ({
    category: r.category,
    term: r.term,
    hits: Number(r.hits),
    lastHitAt: r.last ? new Date(r.last as string).toISOString() : null,
  }));
}
