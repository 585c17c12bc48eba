import { messageText, type PublicShareDto } from '@qiao/core';
import type { MessageRow } from '../chat/message-store';

/**
 * What a share shows: the questions and answers up to and including the shared answer, with
 * that answer as its question's version and the newest version of every earlier answer.
 */
export function sharedThread(rows: readonly MessageRow[], messageId: string): PublicShareDto['messages'] {
  const end = rows.findIndex((row) => row.id === messageId);
  if (end < 0) return [];
  const shown = rows.slice(0, end + 1);
  const answers = new Map<string, MessageRow>();
  for (const row of shown) if (row.role === 'assistant' && row.parentId) answers.set(row.parentId, row);
  const thread: PublicShareDto['messages'] = [];
  for (const row of shown) {
    if (row.role !== 'user') continue;
    thread.push({ role: 'user', content: messageText(row), model: null });
    const answer = answers.get(row.id);
    if (answer) thread.push({ role: 'assistant', content: messageText(answer), model: answer.model });
  }
  return thread;
}
