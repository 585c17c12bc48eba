import { AppError } from '@qiao/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { files } from '../db/schema';
import { type FileRow, readFileBytes, saveFile } from '../files/file-store';
import type { AgentRow } from './agent-dto';

const uploaded = /^\/api\/files\/([0-9a-f-]{36})\/content$/i;

/** Raster types only: an SVG opened directly could run script under Qiao's origin. */
const imageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** The file id of an avatar uploaded through /api/files, or undefined for an emoji. */
export const avatarFileId = (avatar: string): string | undefined => uploaded.exec(avatar)?.[1];

/** Versioned, so an edited avatar is not served from a browser cache. */
export const agentAvatarUrl = (row: AgentRow): string | null =>
  avatarFileId(row.spec.avatar) ? `/api/agents/${row.id}/avatar?v=${row.version}` : null;

/**
 * The uploaded image of an agent. Only a file of the agent's own owner counts: otherwise
 * anyone could publish someone else's upload by naming its id as their avatar.
 */
export async function agentAvatarFile(db: Db, agent: AgentRow): Promise<FileRow> {
  const id = avatarFileId(agent.spec.avatar);
  const [row] = id
    ? await db
        .select()
        .from(files)
        .where(and(eq(files.id, id), eq(files.userId, agent.ownerId)))
    : [];
  if (!row || !imageTypes.has(row.mimeType))
    throw new AppError('not_found', 'This agent has no uploaded avatar');
  return row;
}

/** For a copy owned by someone else: the avatar image becomes the new owner's own upload. */
export async function copyAvatar(
  db: Db,
  dataDir: string,
  source: AgentRow,
  ownerId: string,
): Promise<string | undefined> {
  const file = await agentAvatarFile(db, source).catch(() => undefined);
  if (!file || file.userId === ownerId) return undefined;
  const copy = await saveFile(db, dataDir, ownerId, {
    name: file.name,
    mimeType: file.mimeType,
    kind: 'image',
    bytes: new Uint8Array(await readFileBytes(dataDir, file)),
    text: null,
  });
  return `/api/files/${copy.id}/content`;
}
