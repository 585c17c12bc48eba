import { AppError, type ContentPart, messageText } from '@qiao/core';
import { isVisionModel } from '../assistant/vision-models';
import type { ConversationRow } from '../chat/conversation-store';
import type { MessageRow } from '../chat/message-store';
import { resolveChatModel } from '../chat/resolve-chat-model';
import type { AppDeps, AuthContext } from '../http/app-env';
import { attachmentContent, type LoadedAttachment } from './attachment-content';
import { attachedFiles, type FileRow, getOwnFiles, readFileBytes } from './file-store';

export interface TurnAttachmentsRequest {
  auth: AuthContext;
  conversation: ConversationRow;
  model?: string;
  /** file ids sent with this message */
  attachments?: string[];
  mode: { kind: string };
}

export interface TurnAttachments {
  /** the stored messages, with earlier attachments put back into their questions */
  rows: MessageRow[];
  /** the new question as the model reads it */
  content: (question: string) => string | ContentPart[];
  /** the new message's file ids, to link when the turn is stored */
  ids: string[] | undefined;
}

/**
 * Puts attachments into the turn: the new message's (checked to be the user's own files, and
 * images only for models that see them) and those of earlier questions, so follow-up
 * questions about a document still have it.
 */
export async function turnAttachments(
  deps: AppDeps,
  request: TurnAttachmentsRequest,
  rows: MessageRow[],
): Promise<TurnAttachments> {
  const { db } = deps.database;
  const ids = request.attachments?.length ? [...new Set(request.attachments)] : undefined;
  if (ids && request.mode.kind === 'regenerate')
    throw new AppError('bad_request', 'Attachments go with a new or edited message');
  const [current, earlier] = await Promise.all([
    getOwnFiles(db, request.auth.userId, ids ?? []),
    attachedFiles(
      db,
      rows.filter((row) => row.role === 'user').map((row) => row.id),
    ),
  ]);
  if (current.length === 0 && earlier.size === 0) return { rows, content: (question) => question, ids };

  const images =
    current.some((file) => file.kind === 'image') ||
    [...earlier.values()].flat().some((f) => f.kind === 'image');
  const vision = images && (await seesImages(deps, request));
  if (!vision && current.some((file) => file.kind === 'image')) {
    const model = await resolveChatModel(deps, request.model, request.conversation.model);
    throw new AppError('bad_request', `${model} cannot see images: choose a model marked as seeing images`);
  }
  const load = (files: FileRow[]) => Promise.all(files.map((file) => loadAttachment(deps, file, vision)));
  const loadedCurrent = await load(current);
  const expanded = await Promise.all(
    rows.map(async (row) => {
      const files = row.role === 'user' ? earlier.get(row.id) : undefined;
      return files ? { ...row, content: attachmentContent(messageText(row), await load(files)) } : row;
    }),
  );
  return { rows: expanded, content: (question) => attachmentContent(question, loadedCurrent), ids };
}

async function seesImages(deps: AppDeps, request: TurnAttachmentsRequest): Promise<boolean> {
  const model = await resolveChatModel(deps, request.model, request.conversation.model);
  const [info] = await deps.gateway.resolve(model);
  return info !== undefined && isVisionModel(info);
}

async function loadAttachment(deps: AppDeps, file: FileRow, vision: boolean): Promise<LoadedAttachment> {
  if (file.kind !== 'image' || !vision) return { file };
  const bytes = await readFileBytes(deps.config.dataDir, file);
  return { file, imageUrl: `data:${file.mimeType};base64,${bytes.toString('base64')}` };
}
