import { expect, test } from 'vitest';
import { detectPii } from './pii-detect';
import { microsPerKb, piiSpeedInputs } from './pii-speed';

test('the detector is linear: four times the text costs about four times the time, hostile input included', () => {
  const small = piiSpeedInputs(1);
  const large = piiSpeedInputs(4);
  const rows: string[] = [];
  for (const name of Object.keys(small)) {
    const perKbSmall = microsPerKb(detectPii, small[name]!);
    const perKbLarge = microsPerKb(detectPii, large[name]!);
    rows.push(`| ${name} | ${perKbSmall.toFixed(1)} | ${perKbLarge.toFixed(1)} |`);
    // per-KB cost may not grow with size (a quadratic scan would quadruple it); slack for GC and a shared machine
    expect(perKbLarge, name).toBeLessThan(perKbSmall * 3 + 50);
  }
  console.log(['| input | µs/KB (1×) | µs/KB (4×) |', '|---|---|---|', ...rows].join('\n'));
});
