import { z } from 'zod';

/** Public read-only links to a conversation up to one answer. */

export const createShareBody = z.strictObject({
  /** the assistant message the share ends with (included) */
  messageId: z.string().min(1).max(100),
});
export type CreateShareBody = z.infer<typeof createShareBody>;

/** Reply of POST /api/conversations/:id/shares and items of GET /api/shares. */
export interface ShareDto {
  id: string;
  /** path of the public page: `/share/<id>` */
  url: string;
  conversationId: string;
  messageId: string;
  title: string;
  createdAt: string;
}

export interface ShareListDto {
  shares: ShareDto[];
}

/** GET /api/public/shares/:id (no sign-in; 404 once revoked). */
export interface PublicShareDto {
  title: string;
  messages: { role: 'user' | 'assistant'; content: string; model: string | null }[];
  createdAt: string;
  /** explicit label: generated content (人工智能生成合成内容标识办法) */
  aiGenerated: true;
  /** implicit label: content attribute, provider and a content id */
  metadata: { contentId: string; producer: 'Qiao'; aiGenerated: true };
}
