import { benchKnowledge } from './knowledge-bench';

/**
 * `npx tsx bench/knowledge-bench-main.ts [corpusMB] [scale,scale]`: the knowledge bench alone;
 * `0` skips the ingestion, an empty list (`''`) the query latency.
 */
const corpusMB = Number(process.argv[2] ?? 50);
const queryScales = (process.argv[3] ?? '10000,100000').split(',').filter(Boolean).map(Number);
console.log(await benchKnowledge({ corpusMB, queryScales }));
