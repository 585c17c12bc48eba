import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchGatewayOverhead } from './gateway-overhead-bench';

/**
 * `npm run bench`: prints markdown tables with ratios against baselines measured in the same
 * run. Timing never fails anything; only a crash exits non-zero.
 */
const started = performance.now();
const sections: string[] = [`# Qiao benchmarks (${new Date().toISOString()})`];

sections.push(await benchGatewayOverhead());

const localBench = fileURLToPath(new URL('./local-runtime-bench.ts', import.meta.url));
if (existsSync(localBench)) {
  console.error('local runtime…');
  // by URL, so this file type-checks and runs before that benchmark exists
  const { benchLocalRuntime } = (await import(pathToFileURL(localBench).href)) as {
    benchLocalRuntime: () => Promise<string>;
  };
  sections.push(await benchLocalRuntime());
}

sections.push(`_Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s_`);
console.log(sections.join('\n\n'));
