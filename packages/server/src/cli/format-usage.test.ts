import type { UsageReport } from '@qiao/core';
import { expect, test } from 'vitest';
import { formatUsage, usageBar } from './format-usage';

const figures = (requests: number, errors = 0) => ({
  requests,
  errors,
  inputTokens: requests * 10,
  outputTokens: requests * 20,
  costUsd: requests * 0.0015,
  latencyP50Ms: requests ? 120.4 : null,
  latencyP95Ms: requests ? 300 : null,
  ttftP50Ms: null,
});

const report: UsageReport = {
  timeZone: 'Asia/Shanghai',
  days: [
    { day: '2026-12-01', ...figures(0) },
    { day: '2026-12-02', ...figures(4, 1) },
  ],
  totals: figures(4, 1),
  models: [
    { key: 'deepseek/deepseek-chat', label: 'deepseek/deepseek-chat', ...figures(3, 1) },
    { key: 'qwen/qwen-max', label: 'qwen/qwen-max', ...figures(1) },
  ],
  users: [{ key: '', label: '', ...figures(4, 1) }],
};

test('bars are drawn in eighths of a cell', () => {
  expect(usageBar(10, 10, 4)).toBe('████');
  expect(usageBar(1, 8, 1)).toBe('▏');
  expect(usageBar(0, 0)).toBe('');
  expect(usageBar(3, 10, 2)).toBe('▋');
});

test('qiao usage prints totals, then a row per model, user or day', () => {
  const byModel = formatUsage(report, 'model').split('\n');
  expect(byModel[0]).toBe(
    '2 days from 2026-12-01 (Asia/Shanghai): 4 requests, 25.0% failed, 120 tokens, $0.006, median 120 ms',
  );
  expect(byModel[2]).toMatch(/^model +requests +failed +input +output +cost +p50 +p95 +ttft$/);
  expect(byModel[3]).toMatch(
    /^deepseek\/deepseek-chat +3 +█{20} +33\.3% +30 +60 +\$0\.0045 +120 ms +300 ms +-$/,
  );
  expect(byModel[4]).toMatch(/^qwen\/qwen-max +1 +█{6}▋ +0\.0%/);
  expect(formatUsage(report, 'user')).toContain('(system jobs)');
  const byDay = formatUsage(report, 'day');
  expect(byDay).toMatch(/\n2026-12-01 +0 +-/);
  const empty = { ...report, totals: figures(0), models: [], users: [] };
  expect(formatUsage(empty, 'model')).toContain('No requests in this range.');
});
