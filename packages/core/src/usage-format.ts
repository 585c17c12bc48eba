/**
 * How usage figures read, the same on the admin page and in `qiao usage`; `none` stands for a
 * figure that does not exist (no requests, no latency), since a terminal and a page differ there.
 */
export const usageFormat = (none: string) => ({
  percent: (part: number, whole: number) => (whole === 0 ? none : `${((100 * part) / whole).toFixed(1)}%`),
  usd: (value: number) => `$${Number(value.toFixed(4))}`,
  ms: (value: number | null) => (value === null ? none : `${Math.round(value)} ms`),
});
