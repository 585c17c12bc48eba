import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from '../access/access-test-kit';
import { auditLog, safetyEvents } from '../db/schema';
import { encodeAuditCursor } from './audit-cursor';
import { auditExportBatch } from './audit-routes';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

interface Entry {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: string;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

const getPage = async (query: string): Promise<Page> => {
  const res = await t.as('admin', `/api/admin/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

/** follows nextCursor to the end; returns every page */
const allPages = async (query: string): Promise<Page[]> => {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page = await getPage(cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
};

test('pages of JSON follow nextCursor without duplicates or gaps, ties in time kept in one order', async () => {
  // 2031: away from the rows the app writes itself. Many rows share a millisecond, some differ
  // only in microseconds (a JS Date cannot tell those apart), and safety events interleave.
  const times = [
    '2031-01-01T00:00:00.000Z',
    '2031-01-01T00:00:00.000100Z',
    '2031-01-01T00:00:00.000200Z',
    '2031-01-01T00:00:01.000Z',
  ];
  const auditRows = Array.from({ length: 24 }, (_, i) => ({
    action: `paging.${i % 3}`,
    target: `t${i}`,
    createdAt: sql`${times[i % times.length]}::timestamptz`,
  }));
  await t.db.insert(auditLog).values(auditRows as never);
  const safetyRows = Array.from({ length: 9 }, (_, i) => ({
    kind: i % 2 === 0 ? ('pii' as const) : ('moderation' as const),
    direction: 'input' as const,
    category: 'phone',
    action: i % 2 === 0 ? 'redact' : 'warn',
    createdAt: sql`${times[i % times.length]}::timestamptz`,
  }));
  await t.db.insert(safetyEvents).values(safetyRows as never);

  const window = 'since=2031-01-01T00:00:00.000Z&until=2031-01-02T00:00:00.000Z';
  const pages = await allPages(`${window}&limit=7`);
  expect(pages.length).toBe(5);
  expect(pages.slice(0, -1).every((p) => p.entries.length === 7 && p.nextCursor)).toBe(true);
  expect(pages.at(-1)!.nextCursor).toBeNull();
  const paged = pages.flatMap((p) => p.entries.map((e) => e.id));
  expect(new Set(paged).size).toBe(33);
  // one big page holds the same rows in the same order
  const whole = await getPage(`${window}&limit=1000`);
  expect(whole.nextCursor).toBeNull();
  expect(whole.entries.map((e) => e.id)).toEqual(paged);
  // and that order is newest first
  const stamps = whole.entries.map((e) => Date.parse(e.createdAt));
  expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
  // asked again, page two is the same page
  const again = await getPage(`${window}&limit=7&cursor=${encodeURIComponent(pages[0]!.nextCursor!)}`);
  expect(again.entries.map((e) => e.id)).toEqual(pages[1]!.entries.map((e) => e.id));

  // an action filter on safety events pages as well (filtered in SQL, pages stay full)
  const pii = await allPages(`${window}&action=safety.pii.&limit=2`);
  expect(pii.map((p) => p.entries.length)).toEqual([2, 2, 1]);
  expect(pii.flatMap((p) => p.entries).every((e) => e.action === 'safety.pii.redact')).toBe(true);
  const prefix = await allPages(`${window}&action=paging.&limit=5`);
  expect(prefix.flatMap((p) => p.entries)).toHaveLength(24);
}, 60_000);

test('the actor filter takes a username or an id, for admin actions and safety events alike', async () => {
  const member = t.people.member;
  await t.db
    .insert(auditLog)
    .values({ action: 'actor.test', actorId: member.id, actorName: member.username });
  await t.db
    .insert(safetyEvents)
    .values({ kind: 'pii', direction: 'input', category: 'phone', action: 'redact', userId: member.id });
  for (const actor of [member.username, member.id]) {
    const { entries } = await getPage(`actor=${encodeURIComponent(actor)}&limit=1000`);
    const actions = entries.map((e) => e.action);
    expect(actions, actor).toEqual(expect.arrayContaining(['actor.test', 'safety.pii.redact']));
    expect(entries.every((e) => e.actorName === member.username)).toBe(true);
  }
});

test('a cursor that was not given out is a 400 validation error', async () => {
  for (const cursor of [
    'garbage',
    encodeAuditCursor({ at: 'yesterday', id: 'x' }),
    encodeAuditCursor({ at: '2031-01-01T00:00:00.000000Z', id: "x' or 1=1 --" }),
    Buffer.from('2031-01-01T00:00:00.000000Z|a|b').toString('base64url'),
  ]) {
    const res = await t.as('admin', `/api/admin/audit?cursor=${encodeURIComponent(cursor)}`);
    expect(res.status, cursor).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain('cursor');
  }
  expect((await t.as('admin', '/api/admin/audit?limit=10001')).status).toBe(400);
});

test('CSV and JSONL exports stream the whole filtered log, batch after batch', async () => {
  const total = auditExportBatch * 2 + 500;
  const rows = Array.from({ length: total }, (_, i) => ({
    action: 'bulk.export',
    // attacker-chosen names must stay inert in a spreadsheet, on every batch
    actorName: i % 1000 === 999 ? '=HYPERLINK("evil")' : `user${i}`,
    target: `row${i}`,
    createdAt: new Date(Date.UTC(2032, 0, 1) + Math.floor(i / 4) * 1000),
  }));
  await t.db.insert(auditLog).values(rows);

  const res = await t.as('admin', '/api/admin/audit?action=bulk.&format=csv');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let csv = '';
  let chunks = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks += 1;
    csv += decoder.decode(read.value, { stream: true });
  }
  expect(chunks).toBeGreaterThanOrEqual(3);
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('createdAt,actorName,action,target,detail');
  expect(lines).toHaveLength(total + 1);
  const targets = lines.slice(1).map((line) => line.split(',')[3]);
  expect(new Set(targets).size).toBe(total);
  expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
  expect(csv.match(/HYPERLINK/g)).toHaveLength(2);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

  const jsonl = await (await t.as('owner', '/api/admin/audit?action=bulk.export&format=jsonl')).text();
  const parsed = jsonl
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry);
  expect(parsed).toHaveLength(total);
  expect(parsed[0]!.createdAt > parsed.at(-1)!.createdAt).toBe(true);
  // an explicit limit still caps an export
  const capped = await (await t.as('admin', '/api/admin/audit?action=bulk.&format=jsonl&limit=1500')).text();
  expect(capped.trim().split('\n')).toHaveLength(1500);
}, 120_000);

test('an export whose first batch fails is a JSON error, not a 200 with an empty file', async () => {
  await t.db.execute(sql`alter table safety_events rename to safety_events_away`);
  try {
    const res = await t.as('admin', '/api/admin/audit?format=csv');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
  } finally {
    await t.db.execute(sql`alter table safety_events_away rename to safety_events`);
  }
});

test('non-admins get 403 for pages and exports', async () => {
  for (const role of ['member', 'viewer'] as const) {
    for (const query of ['', '?format=csv', '?format=jsonl', '?cursor=garbage']) {
      const res = await t.as(role, `/api/admin/audit${query}`);
      expect(res.status, `${role} ${query}`).toBe(403);
    }
  }
});
