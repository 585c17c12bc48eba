import { z } from 'zod';
import { uiLanguages } from './assistant-api';

/** GET / PATCH /api/me/settings: per-user preferences. */

export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

export interface UserSettingsDto {
  /** used for conversations that name no model; null = the server's default */
  defaultModel: string | null;
  /** null = follow the browser */
  language: 'zh-CN' | 'en' | null;
  theme: Theme;
}

export const updateSettingsBody = z.strictObject({
  defaultModel: z.string().trim().min(1).max(200).nullable().optional(),
  language: z.enum(uiLanguages).nullable().optional(),
  theme: z.enum(themes).optional(),
});
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;
