import { type UsageFigures, type UsageReport, usageFormat } from '@qiao/core';
import { formatTable } from './format-table';

export type UsageRows = 'day' | 'model' | 'user';

const blocks = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of up to `width` cells in eighths of a cell: a chart a terminal can draw. */
export function usageBar(value: number, most: number, width = 20): string {
  const eighths = most <= 0 ? 0 : Math.round((value / most) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + blocks[eighths % 8];
}

/** The report as `qiao usage` prints it: one line of totals, then a row per day, model or user. */
export function formatUsage(report: UsageReport, by: UsageRows): string {
  const groups =
    by === 'day'
      ? report.days.map((d) => ({ ...d, label: d.day }))
      : by === 'model'
        ? report.models
        : report.users.map((u) => ({ ...u, label: u.label || '(system jobs)' }));
  const total = report.totals;
  const head = `${report.days.length} days from ${report.days[0]?.day ?? '?'} (${report.timeZone}): ${figuresLine(total)}\n`;
  if (total.requests === 0) return `${head}No requests in this range.\n`;
  const most = Math.max(1, ...groups.map((g) => g.requests));
  const rows = [
    [by, 'requests', '', 'failed', 'input', 'output', 'cost', 'p50', 'p95', 'ttft'],
    ...groups.map((g) => [
      g.label,
      String(g.requests),
      usageBar(g.requests, most),
      percent(g.errors, g.requests),
      String(g.inputTokens),
      String(g.outputTokens),
      usd(g.costUsd),
      ms(g.latencyP50Ms),
      ms(g.latencyP95Ms),
      ms(g.ttftP50Ms),
    ]),
  ];
  return `${head}\n${formatTable(rows)}\n`;
}

function figuresLine(f: UsageFigures): string {
  return `${f.requests} request${f.requests === 1 ? '' : 's'}, ${percent(f.errors, f.requests)} failed, ${f.inputTokens + f.outputTokens} tokens, ${usd(f.costUsd)}, median ${ms(f.latencyP50Ms)}`;
}

const { percent, usd, ms } = usageFormat('-');
