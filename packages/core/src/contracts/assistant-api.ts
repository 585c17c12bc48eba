import { z } from 'zod';
import type { ModelInfo } from '../model-info';

/** GET /api/assistant, /api/capabilities and the model list of GET /api/models. */

export const uiLanguages = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export const assistantQuery = z.object({
  lang: z.enum(uiLanguages).optional(),
});
export type AssistantQuery = z.infer<typeof assistantQuery>;

/** The default assistant as a new chat shows it (agents come later). */
export interface AssistantDto {
  name: string;
  greeting: string;
  intro: string;
  /** 3–5 questions that start a chat when clicked */
  suggestions: string[];
}

export interface CapabilitiesDto {
  /** how POST /api/speech answers: a provider's /audio/speech, espeak-ng, or not at all */
  tts: 'provider' | 'espeak' | null;
  /** POST /api/transcriptions works (a provider with /audio/transcriptions is configured) */
  transcription: boolean;
  /** the largest upload POST /api/files accepts */
  maxUploadBytes: number;
}

/** One entry of `models` in GET /api/models. */
export interface ModelListItem extends ModelInfo {
  /** the model sees images: image attachments are only accepted for these */
  vision: boolean;
}

export interface ModelsReply {
  models: ModelListItem[];
  aliases: Record<string, string[]>;
  defaultModel: string | null;
}
