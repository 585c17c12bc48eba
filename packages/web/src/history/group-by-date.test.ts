import { expect, test } from 'vitest';
import { dateGroup, groupByDate } from './group-by-date';

const now = new Date(2026, 10, 29, 9, 30);
const at = (days: number, hour = 12) => new Date(2026, 10, 29 - days, hour).toISOString();

test('local calendar days decide the bucket', () => {
  expect(dateGroup(new Date(2026, 10, 29, 0, 1).toISOString(), now)).toBe('today');
  expect(dateGroup(new Date(2026, 10, 28, 23, 59).toISOString(), now)).toBe('yesterday');
  expect(dateGroup(at(2), now)).toBe('previous7Days');
  expect(dateGroup(at(7), now)).toBe('previous7Days');
  expect(dateGroup(at(8), now)).toBe('older');
});

test('pinned on top, then groups in order, newest first, empty groups dropped', () => {
  const items = [
    { id: 'old', updatedAt: at(30) },
    { id: 'today-early', updatedAt: at(0, 1) },
    { id: 'pinned-old', updatedAt: at(40), pinned: true },
    { id: 'today-late', updatedAt: at(0, 9) },
    { id: 'week', updatedAt: at(3) },
  ];
  const { pinned, groups } = groupByDate(items, now);
  expect(pinned.map((i) => i.id)).toEqual(['pinned-old']);
  expect(groups.map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
    ['today', ['today-late', 'today-early']],
    ['previous7Days', ['week']],
    ['older', ['old']],
  ]);
});
