import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** a CSS custom property of the theme (`--accent`) or a colour */
  color: string;
  bars?: boolean;
}

// counts and days step by whole numbers: no "1.5 requests" on an axis
const wholeSteps = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7, 1e8, 1e9,
];

const height = 200;

/** A small uPlot chart over the report's days: bars or lines, themed, as wide as its box. */
export function UsageChart({
  title,
  dayLabel,
  days,
  series,
  whole = false,
  testId,
}: {
  title: string;
  /** the legend's name for the day under the cursor */
  dayLabel: string;
  days: string[];
  series: ChartSeries[];
  /** the values are counts */
  whole?: boolean;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const color = (c: string) => (c.startsWith('--') ? style.getPropertyValue(c).trim() || '#888' : c);
    const axis = {
      stroke: color('--muted'),
      grid: { stroke: color('--border'), width: 1 },
      ticks: { show: false },
    };
    const bars = uPlot.paths.bars?.({ size: [0.6, 28] });
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 240),
        height,
        // half a day of room at each end, so the first and last bars are whole
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
        axes: [
          { ...axis, incrs: wholeSteps, values: (_u, splits) => splits.map((i) => days[i]?.slice(5) ?? '') },
          { ...axis, size: 56, ...(whole ? { incrs: wholeSteps } : {}) },
        ],
        series: [
          { label: dayLabel, value: (_u, i) => (i == null ? '' : (days[i] ?? '')) },
          ...series.map((s) => ({
            label: s.label,
            stroke: color(s.color),
            fill: s.bars ? `${color(s.color)}99` : undefined,
            width: s.bars ? 0 : 2,
            paths: s.bars ? bars : undefined,
            points: { show: days.length <= 14 && !s.bars },
          })),
        ],
        legend: { live: true },
      },
      [days.map((_, i) => i), ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 240), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, series, dayLabel, whole]);
  return (
    <figure className="admin-card usage-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={title} />
    </figure>
  );
}
