import { expect, test } from 'vitest';
import { auditQuery, defaultAuditFilters } from './audit-query';

test('empty filters ask for the newest entries only', () => {
  expect(auditQuery(defaultAuditFilters).toString()).toBe('limit=100');
});

test('filters and the export format become query parameters; "until" covers its whole day', () => {
  const query = auditQuery(
    { action: ' key. ', actor: 'admin', since: '2026-03-01', until: '2026-03-02', limit: 500 },
    'csv',
  );
  expect(query.get('action')).toBe('key.');
  expect(query.get('actor')).toBe('admin');
  expect(new Date(query.get('since')!).getTime()).toBe(new Date(2026, 2, 1).getTime());
  expect(new Date(query.get('until')!).getTime()).toBe(new Date(2026, 2, 3).getTime() - 1);
  // an export holds the whole filtered log, not one page of it
  expect(query.get('limit')).toBeNull();
  expect(query.get('format')).toBe('csv');
});

test('the next page of the table repeats the filters and the page size with the cursor', () => {
  const filters = { ...defaultAuditFilters, action: 'key.', limit: 50 };
  const query = auditQuery(filters, undefined, 'MjAzMS0wMS0wMVQ');
  expect(query.toString()).toBe('action=key.&limit=50&cursor=MjAzMS0wMS0wMVQ');
  expect(auditQuery(filters, 'jsonl', 'MjAzMS0wMS0wMVQ').get('limit')).toBeNull();
});
