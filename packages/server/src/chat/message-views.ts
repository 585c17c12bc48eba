import type { MessageDto } from '@qiao/core';
import type { Db } from '../db';
import { feedbackFor } from '../feedback/feedback-store';
import { attachmentsOf } from '../files/file-store';
import { type MessageRow, toMessageDto } from './message-store';

/** Messages as GET /messages shows them: with the owner's ratings and the files sent along. */
export async function toMessageDtos(db: Db, rows: MessageRow[]): Promise<MessageDto[]> {
  const ids = rows.map((row) => row.id);
  const [feedback, attachments] = await Promise.all([feedbackFor(db, ids), attachmentsOf(db, ids)]);
  return rows.map((row) =>
    toMessageDto(row, { feedback: feedback.get(row.id) ?? null, attachments: attachments.get(row.id) }),
  );
}
