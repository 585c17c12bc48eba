import {
  AppError,
  builtinModerationCategories,
  type CategoryView,
  type ImportedTerm,
  type LexiconTerm,
  type ModerationAction,
} from '@qiao/core';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { moderationCategories, moderationTerms, safetyEvents } from '../db/schema';
import { defaultCategories, defaultTerms } from './default-lexicon';

/** Creates the default categories once; their example terms only come with a new category. */
export async function seedDefaultLexicon(db: Db): Promise<void> {
  const created = await db
    .insert(moderationCategories)
    .values(defaultCategories)
    .onConflictDoNothing()
    .returning();
  const rows = created.flatMap((c) => (defaultTerms[c.id] ?? []).map((term) => ({ categoryId: c.id, term })));
  if (rows.length > 0) await db.insert(moderationTerms).values(rows).onConflictDoNothing();
}

export async function loadLexicon(db: Db): Promise<{ terms: LexiconTerm[]; messages: Map<string, string> }> {
  const categories = await db.select().from(moderationCategories);
  const rows = await db
    .select({ term: moderationTerms.term, category: moderationTerms.categoryId })
    .from(moderationTerms);
  const actions = new Map(categories.map((c) => [c.id, c.action]));
  const messages = new Map(categories.flatMap((c) => (c.message ? [[c.id, c.message] as const] : [])));
  return {
    terms: rows.map((r) => ({
      term: r.term,
      category: r.category,
      action: actions.get(r.category) ?? 'log',
    })),
    messages,
  };
}

export async function listCategories(db: Db): Promise<CategoryView[]> {
  const categories = await db
    .select()
    .from(moderationCategories)
    .orderBy(asc(moderationCategories.createdAt));
  const termCounts = await db
    .select({ id: moderationTerms.categoryId, n: count() })
    .from(moderationTerms)
    .groupBy(moderationTerms.categoryId);
  const hitCounts = await db
    .select({ id: safetyEvents.category, n: count() })
    .from(safetyEvents)
    .where(eq(safetyEvents.kind, 'moderation'))
    .groupBy(safetyEvents.category);
  const terms = new Map(termCounts.map((r) => [r.id, Number(r.n)]));
  const hits = new Map(hitCounts.map((r) => [r.id, Number(r.n)]));
  const builtin = new Set<string>(builtinModerationCategories);
  return categories.map((c) => ({
    id: c.id,
    label: c.label,
    action: c.action,
    message: c.message,
    builtin: builtin.has(c.id),
    terms: terms.get(c.id) ?? 0,
    hits: hits.get(c.id) ?? 0,
  }));
}

/** Updates a category, creating it (a custom one) when it does not exist yet. */
export async function upsertCategory(
  db: Db,
  id: string,
  patch: { label?: string; action?: ModerationAction; message?: string | null },
): Promise<void> {
  const [existing] = await db.select().from(moderationCategories).where(eq(moderationCategories.id, id));
  if (!existing) {
    await db.insert(moderationCategories).values({
      id,
      label: patch.label ?? id,
      action: patch.action ?? 'block',
      message: patch.message ?? null,
    });
    return;
  }
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length > 0)
    await db.update(moderationCategories).set(set).where(eq(moderationCategories.id, id));
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  if ((builtinModerationCategories as readonly string[]).includes(id))
    throw new AppError('conflict', `'${id}' is a built-in category; remove its terms instead`);
  const deleted = await db.delete(moderationCategories).where(eq(moderationCategories.id, id)).returning();
  if (deleted.length === 0) throw new AppError('not_found', `No moderation category '${id}'`);
}

const validCategory = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Adds imported terms (creating categories a CSV names); with `replace`, the categories
 * imported into lose their other terms first. All in one transaction: a bad file changes nothing.
 */
export async function importTerms(
  db: Db,
  items: readonly ImportedTerm[],
  options: { category?: string; replace?: boolean },
): Promise<{ imported: number; categories: string[] }> {
  const rows: { categoryId: string; term: string }[] = [];
  for (const [i, item] of items.entries()) {
    const categoryId = item.category ?? options.category;
    if (!categoryId)
      throw new AppError('validation_failed', `line ${i + 1}: no category (pass one for the whole file)`);
    if (!validCategory.test(categoryId))
      throw new AppError('validation_failed', `line ${i + 1}: bad category '${categoryId}'`);
    const term = item.term.trim();
    if (term.length === 0 || term.length > 200)
      throw new AppError('validation_failed', `line ${i + 1}: term must be 1–200 characters`);
    rows.push({ categoryId, term });
  }
  const categories = [...new Set(rows.map((r) => r.categoryId))];
  let imported = 0;
  await db.transaction(async (tx) => {
    for (const id of categories) {
      await tx.insert(moderationCategories).values({ id, label: id, action: 'block' }).onConflictDoNothing();
    }
    if (options.replace && categories.length > 0)
      await tx.delete(moderationTerms).where(inArray(moderationTerms.categoryId, categories));
    for (let i = 0; i < rows.length; i += 1000) {
      const inserted = await tx
        .insert(moderationTerms)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: moderationTerms.id });
      imported += inserted.length;
    }
  });
  return { imported, categories };
}

export async function exportTerms(db: Db, category?: string): Promise<{ term: string; category: string }[]> {
  return db
    .select({ term: moderationTerms.term, category: moderationTerms.categoryId })
    .from(moderationTerms)
    .where(category ? and(eq(moderationTerms.categoryId, category)) : undefined)
    .orderBy(asc(moderationTerms.categoryId), asc(moderationTerms.term));
}
