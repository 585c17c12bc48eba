import { expect, test } from 'vitest';
import { measurePiiAccuracy } from './pii-accuracy';

test('every PII detector keeps recall and precision ≥ 99% on 1,000 valid + 1,000 near-miss samples', () => {
  const rows = measurePiiAccuracy(1000);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    ['| type | samples | recall | precision |', '|---|---|---|---|']
      .concat(rows.map((r) => `| ${r.type} | ${r.samples} | ${pct(r.recall)} | ${pct(r.precision)} |`))
      .join('\n'),
  );
  for (const row of rows) {
    expect(row.recall, row.type).toBeGreaterThanOrEqual(0.99);
    expect(row.precision, row.type).toBeGreaterThanOrEqual(0.99);
  }
});
