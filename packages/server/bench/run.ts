import { benchGatewayOverhead } from './gateway-overhead-bench';
import { benchRetrievalQuality } from './knowledge/quality-bench';
import { benchKnowledge } from './knowledge-bench';
import { benchLocalRuntime } from './local-runtime-bench';
import { benchSafety } from './safety-bench';

/**
 * `npm run bench`: prints markdown tables with ratios against baselines measured in the same
 * run. Timing never fails anything; only a crash exits non-zero. QIAO_BENCH_ONLY=gateway,safety
 * runs some sections only.
 */
const sections: Record<string, () => Promise<string>> = {
  gateway: () => benchGatewayOverhead(),
  local: () => benchLocalRuntime(),
  safety: () => benchSafety(),
  quality: () => benchRetrievalQuality(),
  // A 50 MB corpus takes many minutes on embedded PGlite (see docs/knowledge-bases.md), so the default run
  // is small; QIAO_BENCH_KB_MB=50 QIAO_BENCH_KB_SCALES=10000,100000 is the full-size one.
  knowledge: () =>
    benchKnowledge({
      corpusMB: Number(process.env.QIAO_BENCH_KB_MB ?? 2),
      queryScales: (process.env.QIAO_BENCH_KB_SCALES ?? '1000,10000').split(',').map(Number),
    }),
};

const only = process.env.QIAO_BENCH_ONLY?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !(name in sections)) ?? [];
if (unknown.length > 0) {
  console.error(
    `QIAO_BENCH_ONLY: unknown section ${unknown.join(', ')} (known: ${Object.keys(sections).join(', ')})`,
  );
  process.exit(2);
}

const started = performance.now();
const out: string[] = [`# Qiao benchmarks (${new Date().toISOString()})`];
for (const [name, run] of Object.entries(sections)) {
  if (only && !only.includes(name)) continue;
  console.error(`${name}…`);
  out.push(await run());
}
out.push(`_Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s_`);
console.log(out.join('\n\n'));
