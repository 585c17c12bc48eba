import { aiContentProducer, aiDocumentLabel, aigcLabel, type ConversationExportDto } from '@qiao/core';
import type { MessageRow } from '../chat/message-store';
import { sharedThread } from '../shares/shared-thread';

/**
 * A conversation as a document: what the user sees (the newest version of each answer), with
 * the explicit AI label and the implicit one (GB 45438 `AIGC` fields, producer, content id).
 */
export function conversationExport(
  title: string,
  rows: readonly MessageRow[],
  contentId: string,
  now: Date = new Date(),
): ConversationExportDto {
  const last = rows.at(-1);
  const thread = last ? sharedThread(rows, last.id) : [];
  const models = [...new Set(thread.flatMap((m) => (m.model ? [m.model] : [])))];
  return {
    format: 'qiao.conversation/v1',
    title,
    exportedAt: now.toISOString(),
    label: aiDocumentLabel,
    metadata: { ...aigcLabel(contentId), contentId, producer: aiContentProducer, aiGenerated: true, models },
    messages: thread.map((m) => ({ ...m, aiGenerated: m.role === 'assistant' })),
  };
}

/**
 * The Markdown form: the implicit label in a YAML front matter (JSON values are valid YAML),
 * the explicit label at the top and the bottom, and every answer marked as AI-generated.
 */
export function conversationMarkdown(doc: ConversationExportDto): string {
  const { AIGC, contentId, producer, models } = doc.metadata;
  const front = [
    '---',
    `title: ${JSON.stringify(doc.title)}`,
    `exported_at: ${JSON.stringify(doc.exportedAt)}`,
    'ai_generated: true',
    `content_id: ${JSON.stringify(contentId)}`,
    `producer: ${JSON.stringify(producer)}`,
    `models: ${JSON.stringify(models)}`,
    `AIGC: ${JSON.stringify(AIGC)}`,
    '---',
  ];
  const body = doc.messages.map((m) =>
    m.role === 'user'
      ? `## 用户 User\n\n${m.content}`
      : `## AI 回答 AI-generated answer${m.model ? ` (${m.model})` : ''}\n\n${m.content}`,
  );
  const heading = `# ${doc.title.replace(/\s+/g, ' ').trim() || '对话 Conversation'}`;
  return `${[...front, '', `> ${doc.label}`, '', heading, '', ...body.flatMap((b) => [b, '']), '---', '', `> ${doc.label}`].join('\n')}\n`;
}
