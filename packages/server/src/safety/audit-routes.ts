import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { listAudit } from './audit-log';

const auditQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9_.-]{1,100}$/)
    .optional(),
  actor: z.string().max(100).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  format: z.enum(['json', 'csv', 'jsonl']).default('json'),
});

const csvCell = (value: unknown) => {
  const text = value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // a leading = + - @ would run as a formula in a spreadsheet (attempted usernames are input)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Mounted at /api/admin/audit: the append-only audit log, filtered, as JSON, CSV or JSONL. Admins only. */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);
  app.get('/', async (c) => {
    const query = parseWith(auditQuery, c.req.query());
    const entries = await listAudit(deps.database.db, query);
    if (query.format === 'json') return c.json({ entries });
    if (query.format === 'jsonl') {
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="qiao-audit.jsonl"');
      return c.body(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    }
    const columns = ['createdAt', 'actorName', 'action', 'target', 'detail'] as const;
    const lines = entries.map((e) =>
      columns.map((k) => csvCell(k === 'createdAt' ? e.createdAt.toISOString() : e[k])).join(','),
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="qiao-audit.csv"');
    return c.body(`${[columns.join(','), ...lines].join('\n')}\n`);
  });
  return app;
}
