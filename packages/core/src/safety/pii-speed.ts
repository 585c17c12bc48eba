import type { PiiHit } from './pii-detect';

/**
 * Inputs for the detector's speed, ordinary and hostile: it runs on every message to a cloud
 * model, so it must stay linear whatever a user pastes (`pii-speed.test.ts`).
 */
export const piiSpeedInputs = (scale = 1): Record<string, string> => ({
  'chat with PII':
    '我的电话是 138 1234 5678，邮箱 zhang.san@example.com，身份证 110105194912310021。订单 2024-01-15 金额 ¥1,234.56。'.repeat(
      300 * scale,
    ),
  'English prose':
    'The quick brown fox (version 1.2.3) jumps over 13 lazy dogs at 10:30 on 2024-01-15. '.repeat(
      400 * scale,
    ),
  'digits only': '1234567890'.repeat(4000 * scale),
  'digits and spaces': '1 2 3 4 5 6 7 8 9 0 '.repeat(2000 * scale),
  '@ storm': 'a@'.repeat(20_000 * scale),
  'letters then @': `${'a'.repeat(40_000 * scale)}@`,
  'dots then @': `${'a.'.repeat(20_000 * scale)}@`,
  'full-width and zero-width': '１３８\u200b１２３４\u200b５６７８，'.repeat(2000 * scale),
});

/** CPU microseconds per KB of UTF-8, the least of `runs` after a warm-up (a shared machine's wall time measures the others). */
export function microsPerKb(detect: (text: string) => PiiHit[], text: string, runs = 5): number {
  for (let i = 0; i < 2; i++) detect(text);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    detect(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best / (Buffer.byteLength(text) / 1024);
}
