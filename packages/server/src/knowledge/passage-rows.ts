import type { PassageSource } from '@qiao/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';

export interface PassageRow {
  chunkId: string;
  text: string;
  tokenCount: number;
  source: PassageSource;
}

/** Text and source of chunks, again only from knowledge bases the user is a member of. */
export async function passageRows(
  db: Db,
  userId: string,
  chunkIds: readonly string[],
): Promise<Map<string, PassageRow>> {
  if (chunkIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select c.id, c.text, c.token_count, c.page, c.heading_path, c.kb_id, d.id as document_id,
      coalesce(nullif(d.title, ''), d.name) as document
    from kb_chunks c
    join kb_documents d on d.id = c.document_id
    join kb_members m on m.kb_id = c.kb_id and m.user_id = ${userId}
    where c.id = any(${sql.param([...chunkIds])}::text[])`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return new Map(
    rows.map((row) => {
      const headings = (row.heading_path as string[] | null) ?? [];
      const source: PassageSource = {
        kbId: String(row.kb_id),
        documentId: String(row.document_id),
        document: String(row.document),
        ...(row.page === null || row.page === undefined ? {} : { page: Number(row.page) }),
        ...(headings.length > 0 ? { heading: headings.join(' › ') } : {}),
      };
      return [
        String(row.id),
        { chunkId: String(row.id), text: String(row.text), tokenCount: Number(row.token_count), source },
      ];
    }),
  );
}
