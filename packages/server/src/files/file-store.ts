import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, type FileDto, type FileKind } from '@qiao/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { files, messageAttachments } from '../db/schema';

export type FileRow = typeof files.$inferSelect;

export interface NewFile {
  name: string;
  mimeType: string;
  kind: FileKind;
  bytes: Uint8Array;
  text: string | null;
}

const filesDir = (dataDir: string) => join(dataDir, 'files');

/** Stores the bytes by content hash (so the same upload is kept once) and the row. */
export async function saveFile(db: Db, dataDir: string, userId: string, file: NewFile): Promise<FileRow> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const dir = filesDir(dataDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, sha256);
  const tmp = `${path}.${process.pid}.${Date.now()}`;
  await writeFile(tmp, file.bytes, { mode: 0o600 });
  await rename(tmp, path);
  const [row] = await db
    .insert(files)
    .values({
      userId,
      name: file.name,
      size: file.bytes.byteLength,
      mimeType: file.mimeType,
      kind: file.kind,
      sha256,
      text: file.text,
    })
    .returning();
  return row!;
}

export function readFileBytes(dataDir: string, row: FileRow): Promise<Buffer> {
  return readFile(join(filesDir(dataDir), row.sha256));
}

/** The user's own files in the order asked; any id that is not theirs is a 404. */
export async function getOwnFiles(db: Db, userId: string, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.userId, userId), inArray(files.id, [...ids])));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError('not_found', `File not found: ${id}`);
    return row;
  });
}

/** Files sent with the given messages, by message id, in the order they were attached. */
export async function attachmentsOf(db: Db, messageIds: string[]): Promise<Map<string, FileDto[]>> {
  const byMessage = await attachedFiles(db, messageIds);
  return new Map([...byMessage].map(([messageId, rows]) => [messageId, rows.map(toFileDto)]));
}

export function toFileDto(row: FileRow): FileDto {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    mimeType: row.mimeType,
    kind: row.kind,
    textChars: row.text?.length ?? 0,
  };
}

/** The files attached to each of the given messages (whole rows, text included), in order. */
export async function attachedFiles(db: Db, messageIds: string[]): Promise<Map<string, FileRow[]>> {
  const byMessage = new Map<string, FileRow[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({ messageId: messageAttachments.messageId, file: files })
    .from(messageAttachments)
    .innerJoin(files, eq(files.id, messageAttachments.fileId))
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(asc(messageAttachments.position));
  for (const { messageId, file } of rows)
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), file]);
  return byMessage;
}
