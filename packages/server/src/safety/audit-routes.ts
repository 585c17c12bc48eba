import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import type { Db } from '../db';
import { sandboxPolicy } from '../files/user-content-headers';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { type AuditFilter, type AuditRow, listAuditPage } from './audit-log';
import { csvCell } from './csv-cell';

const auditQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9_.-]{1,100}$/)
    .optional(),
  actor: z.string().max(100).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  /** a page of JSON (default 100); for CSV/JSONL a cap, without it the whole filtered log */
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  cursor: z.string().max(400).optional(),
  format: z.enum(['json', 'csv', 'jsonl']).default('json'),
});

/** rows per database round trip of an export: memory stays flat however long the log */
export const auditExportBatch = 1000;

const csvColumns = ['createdAt', 'actorName', 'action', 'target', 'detail'] as const;

const csvLine = (e: AuditRow) =>
  `${csvColumns.map((k) => csvCell(k === 'createdAt' ? e.createdAt.toISOString() : e[k])).join(',')}\n`;
const jsonLine = (e: AuditRow) => `${JSON.stringify(e)}\n`;

/**
 * The filtered log, newest first, fetched a batch at a time as the client reads (a pull stream
 * waits for the reader), so an export of millions of rows holds one batch in memory. The first
 * batch is read before the 200 goes out: a failing query then is a JSON error, and a failure
 * later cuts the connection, which a browser shows as a failed download, not a short file.
 */
async function exportStream(
  db: Db,
  filter: Omit<AuditFilter, 'limit'>,
  cap: number,
  head: string,
  line: (e: AuditRow) => string,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let left = cap;
  const fetchPage = (after: AuditFilter['after']) =>
    listAuditPage(db, { ...filter, after, limit: Math.min(auditExportBatch, left) });
  let page = await fetchPage(filter.after);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!first) page = await fetchPage(page.next ?? undefined);
      left -= page.entries.length;
      const text = (first ? head : '') + page.entries.map(line).join('');
      first = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (!page.next || left <= 0) controller.close();
    },
  });
}

/** Mounted at /api/admin/audit: the append-only audit log, filtered, as JSON pages, CSV or JSONL. Admins only. */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);
  app.get('/', async (c) => {
    const { cursor, limit, format, ...rest } = parseWith(auditQuery, c.req.query());
    const filter = { ...rest, after: cursor === undefined ? undefined : decodeAuditCursor(cursor) };
    const db = deps.database.db;
    if (format === 'json') {
      const page = await listAuditPage(db, { ...filter, limit: limit ?? 100 });
      return c.json({ entries: page.entries, nextCursor: page.next && encodeAuditCursor(page.next) });
    }
    const cap = limit ?? Number.POSITIVE_INFINITY;
    const csv = format === 'csv';
    const body = await (csv
      ? exportStream(db, filter, cap, `${csvColumns.join(',')}\n`, csvLine)
      : exportStream(db, filter, cap, '', jsonLine));
    c.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', `attachment; filename="qiao-audit.${format}"`);
    c.header('x-content-type-options', 'nosniff');
    c.header('content-security-policy', sandboxPolicy);
    return c.body(body);
  });
  return app;
}
