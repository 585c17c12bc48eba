import { z } from 'zod';

/** POST /api/files (multipart field `file`) and POST /api/transcriptions / /api/speech. */

export const fileKinds = ['document', 'image'] as const;
export type FileKind = (typeof fileKinds)[number];

export interface FileDto {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  kind: FileKind;
  /** characters of text extracted from a document (0 for images) */
  textChars: number;
}

export const speechBody = z.strictObject({
  /** markdown is fine: it is read as prose, and only the first 4,000 characters are read */
  text: z.string().trim().min(1, 'must not be empty').max(100_000),
  /** picks the voice; guessed from the text when absent */
  lang: z.enum(['zh-CN', 'en']).optional(),
});
export type SpeechBody = z.infer<typeof speechBody>;

export interface TranscriptionDto {
  text: string;
}
