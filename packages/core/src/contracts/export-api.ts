import { z } from 'zod';
import type { AigcLabel } from '../safety/ai-content-label';

/** GET /api/conversations/:id/export?format=md|json */
export const exportConversationQuery = z.object({
  format: z.enum(['md', 'json']).default('md'),
});
export type ExportConversationQuery = z.infer<typeof exportConversationQuery>;

/** The JSON export: the conversation as shown (newest version of each answer), labelled. */
export interface ConversationExportDto {
  format: 'qiao.conversation/v1';
  title: string;
  exportedAt: string;
  /** explicit label (人工智能生成合成内容标识办法) */
  label: string;
  /** implicit label: content attribute, the service provider's name, the content id */
  metadata: AigcLabel & {
    contentId: string;
    producer: string;
    aiGenerated: true;
    /** the models that wrote the answers */
    models: string[];
  };
  messages: {
    role: 'user' | 'assistant';
    content: string;
    model: string | null;
    aiGenerated: boolean;
  }[];
}
