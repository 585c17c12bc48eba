/**
 * Before/after figures of the PII detector, for a change's report (not part of the library):
 *   npx tsx packages/core/src/safety/pii-compare.ts [path/to/an/older/pii-detect.ts]
 * prints forms leaking, the held-out rate and µs per KB for today's detector and, when given,
 * an older one (e.g. `git show c4d4f4e:packages/core/src/safety/pii-detect.ts` and its
 * pii-checksums.ts written to /tmp/old-pii/).
 */
import { chineseManPageLines, debianReferenceLines, debianTextMissing } from '../../test/debian-text';
import { detectPii, type PiiHit } from './pii-detect';
import { measureFormLeaks } from './pii-form-leaks';
import { heldOutCases } from './pii-heldout';
import { microsPerKb, piiSpeedInputs } from './pii-speed';

type Detect = (text: string) => PiiHit[];

function heldOut(detect: Detect): string {
  let [positives, found, broken, brokenFound] = [0, 0, 0, 0];
  for (const c of heldOutCases()) {
    const hits = detect(c.text);
    if (!c.value) {
      broken++;
      if (hits.length > 0) brokenFound++;
      continue;
    }
    positives++;
    const start = c.text.indexOf(c.value);
    const end = start + c.value.length;
    if (hits.some((h) => h.type === c.kind && h.start <= start && h.end >= end)) found++;
  }
  return `${found}/${positives} (${((found / positives) * 100).toFixed(1)}%), broken look-alikes reported ${brokenFound}/${broken}`;
}

function numberHitsOnDebian(detect: Detect): string {
  if (debianTextMissing) return debianTextMissing;
  const lines = [...debianReferenceLines(), ...chineseManPageLines(300)];
  const kinds = new Set(['mobile', 'id_card', 'bank_card', 'landline', 'passport']);
  const n = lines.reduce((sum, line) => sum + detect(line).filter((h) => kinds.has(h.type)).length, 0);
  return `${n} number hits in ${lines.length} lines (${((n / lines.length) * 1000).toFixed(2)} per 1,000)`;
}

const older = process.argv[2] ? ((await import(process.argv[2])).detectPii as Detect) : undefined;
const detectors: [string, Detect][] = [
  ['after', detectPii],
  ...(older ? [['before', older] as [string, Detect]] : []),
];
for (const [label, detect] of detectors) {
  const forms = measureFormLeaks(detect, 20);
  console.log(`${label}: forms leaking ${forms.filter((r) => r.leaked > 0).length}/${forms.length}`);
  console.log(`${label}: held-out ${heldOut(detect)}`);
  console.log(`${label}: Debian ${numberHitsOnDebian(detect)}`);
}
const inputs = {
  'Debian Reference (zh-CN)': debianTextMissing ? '' : debianReferenceLines().join('\n').slice(0, 100_000),
  ...piiSpeedInputs(1),
};
console.log(`| input | KB |${detectors.map(([l]) => ` ${l} µs/KB |`).join('')}`);
console.log(`|---|---|${detectors.map(() => '---|').join('')}`);
for (const [name, text] of Object.entries(inputs)) {
  if (!text) continue;
  const cells = detectors.map(([label, detect]) =>
    // the old detector is quadratic on these: one run is enough to show it
    label === 'before' && /digits only|then @/.test(name)
      ? microsPerKb(detect, text, 1)
      : microsPerKb(detect, text),
  );
  console.log(
    `| ${name} | ${(Buffer.byteLength(text) / 1024).toFixed(0)} |${cells.map((c) => ` ${c.toFixed(1)} |`).join('')}`,
  );
}
