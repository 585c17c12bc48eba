export type DateGroup = 'today' | 'yesterday' | 'previous7Days' | 'older';

export interface Dated {
  updatedAt: string;
  pinned?: boolean;
}

export interface HistoryGroups<T> {
  pinned: T[];
  groups: { group: DateGroup; items: T[] }[];
}

const dayMs = 86_400_000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Which bucket a date falls in, by the reader's local calendar days. */
export function dateGroup(iso: string, now: Date): DateGroup {
  const today = startOfDay(now);
  const time = new Date(iso).getTime();
  if (time >= today) return 'today';
  if (time >= today - dayMs) return 'yesterday';
  if (time >= today - 7 * dayMs) return 'previous7Days';
  return 'older';
}

/** Pinned first, then Today / Yesterday / Previous 7 days / Older, newest first in each; empty groups left out. */
export function groupByDate<T extends Dated>(items: readonly T[], now = new Date()): HistoryGroups<T> {
  const sorted = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const order: DateGroup[] = ['today', 'yesterday', 'previous7Days', 'older'];
  const buckets = new Map<DateGroup, T[]>(order.map((g) => [g, []]));
  const pinned: T[] = [];
  for (const item of sorted) {
    if (item.pinned) pinned.push(item);
    else buckets.get(dateGroup(item.updatedAt, now))!.push(item);
  }
  return {
    pinned,
    groups: order.map((group) => ({ group, items: buckets.get(group)! })).filter((g) => g.items.length > 0),
  };
}
