import { z } from 'zod';
import { moderationActions } from './moderation';

/** Request bodies of /api/admin/moderation, shared with the admin UI. */
export const moderationCategoryId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'category ids are lowercase letters, digits and underscores');

export const updateModerationCategoryBody = z.object({
  label: z.string().min(1).max(100).optional(),
  action: z.enum(moderationActions).optional(),
  /** shown instead of a blocked input or answer; null resets to the default */
  message: z.string().min(1).max(500).nullable().optional(),
});
export type UpdateModerationCategoryBody = z.infer<typeof updateModerationCategoryBody>;

export const importLexiconBody = z.object({
  /** file content: one term per line, or CSV `term,category` */
  text: z.string().max(5_000_000),
  /** category for lines that name none */
  category: moderationCategoryId.optional(),
  /** replace the terms of the categories imported into instead of adding to them */
  replace: z.boolean().optional(),
});
export type ImportLexiconBody = z.infer<typeof importLexiconBody>;

export const moderationTestBody = z.object({ text: z.string().max(100_000) });
export type ModerationTestBody = z.infer<typeof moderationTestBody>;
