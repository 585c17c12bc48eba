import { pathToFileURL } from 'node:url';
import { type ChatStreamPart, compileLexicon, type LexiconTerm, type ModerationMatcher } from '@qiao/core';
import { evasionCases, evasionLexicon } from '../../core/src/safety/evasion-cases';
import { unicodeEvasionCases } from '../../core/src/safety/evasion-cases-unicode';
import { detectInjection, injectionFlagThreshold, TermMatcher } from '../../core/src/safety/index';
import { injectionCases } from '../../core/src/safety/injection-cases';
import {
  heldOutAttacks,
  heldOutAttacksB,
  heldOutAttacksC,
  heldOutBenign,
  heldOutBenignB,
  heldOutBenignC,
} from '../../core/src/safety/injection-heldout';
import { measurePiiAccuracy } from '../../core/src/safety/pii-accuracy';
import { detectPii } from '../../core/src/safety/pii-detect';
import { measureFormLeaks } from '../../core/src/safety/pii-form-leaks';
import { outboundChat } from '../src/gateway/outbound-chat';
import { createInjectionGuard } from '../src/safety/injection-guard';
import { createModerationGuard } from '../src/safety/moderation-guard';
import { fixed, markdownTable, percent } from './markdown-table';

/**
 * Safety figures: moderation throughput with a 50,000-term vs a 50-term lexicon (same run,
 * same text), the latency the output guards add per streamed chunk, the evasion and injection
 * suites' pass rates and PII recall/precision. Standalone: `npx tsx packages/server/bench/safety-bench.ts`.
 */
export async function benchSafety(): Promise<string> {
  const random = seeded(7);
  const small = compileLexicon(lexicon(50, random));
  let started = performance.now();
  const big = compileLexicon(lexicon(50_000, random));
  const compileMs = performance.now() - started;
  const text = corpus(random, 4_000_000);
  const mb = Buffer.byteLength(text) / 1e6;

  const hits = new Map<ModerationMatcher, number>();
  const once = (matcher: ModerationMatcher) => {
    const t0 = performance.now();
    hits.set(matcher, matcher.scan(text).length);
    return mb / ((performance.now() - t0) / 1000);
  };
  once(small); // warm-up: JIT and the per-character fold cache
  once(big);
  // interleaved, so machine noise lands on both alike
  const runs = { small: [] as number[], big: [] as number[] };
  for (let i = 0; i < 5; i++) {
    runs.small.push(once(small));
    runs.big.push(once(big));
  }
  const smallMbs = runs.small.sort((a, b) => a - b)[2]!;
  const bigMbs = runs.big.sort((a, b) => a - b)[2]!;

  const chunkRows = await perChunkLatency(big, text.slice(0, 400_000));

  const evasion = new TermMatcher(evasionLexicon.map((term) => ({ term, data: null })));
  const allEvasions = [...evasionCases, ...unicodeEvasionCases];
  const evasionPassed = allEvasions.filter(({ text: t, expect }) => {
    const found = [...new Set(evasion.scan(t).map((h) => h.term))].sort();
    return JSON.stringify(found) === JSON.stringify([...expect].sort());
  }).length;
  const injectionPassed = injectionCases.filter(
    (c) => detectInjection(c.text).score >= injectionFlagThreshold === c.injected,
  ).length;
  const flagged = (texts: string[]) =>
    texts.filter((t) => detectInjection(t).score >= injectionFlagThreshold).length;
  const heldOutRows = [
    ['held-out attacks C (written after tuning)', heldOutAttacksC, 'flagged'],
    ['held-out attacks A + B (seen while tuning)', [...heldOutAttacks, ...heldOutAttacksB], 'flagged'],
    [
      'held-out benign A + B + C',
      [...heldOutBenign, ...heldOutBenignB, ...heldOutBenignC],
      'flagged (false +)',
    ],
  ] as const;
  const forms = measureFormLeaks(detectPii);
  started = performance.now();
  const pii = measurePiiAccuracy(1000);
  const piiMs = performance.now() - started;

  return [
    '## Safety',
    markdownTable(
      ['moderation matching', 'terms', 'hits', 'MB/s', 'vs 50 terms'],
      [
        ['small lexicon', '50', String(hits.get(small)), fixed(smallMbs), '1.00×'],
        [
          'generated lexicon',
          '50,000',
          String(hits.get(big)),
          fixed(bigMbs),
          `${fixed(bigMbs / smallMbs, 2)}×`,
        ],
      ],
    ),
    `_${fixed(mb)} MB of mixed Chinese/English text, median of 5 runs; compiling the 50,000-term lexicon took ${fixed(compileMs, 0)} ms._`,
    markdownTable(['output guards (50,000 terms)', 'chunks', 'added µs / chunk'], chunkRows),
    markdownTable(
      ['suite', 'cases', 'passed'],
      [
        ['moderation evasion', String(allEvasions.length), percent(evasionPassed / allEvasions.length)],
        ['prompt injection', String(injectionCases.length), percent(injectionPassed / injectionCases.length)],
        [
          'PII written forms (none may leak)',
          String(forms.length),
          percent(forms.filter((f) => f.leaked === 0).length / forms.length),
        ],
      ],
    ),
    markdownTable(
      ['injection, held out', 'texts', 'result'],
      heldOutRows.map(([name, texts, what]) => [
        name,
        String(texts.length),
        `${flagged([...texts])} ${what} (${percent(flagged([...texts]) / texts.length)})`,
      ]),
    ),
    '_Held-out and real-text figures with their before values: docs/safety.md, "Measured"._',
    markdownTable(
      ['PII type', 'samples', 'recall', 'precision'],
      pii.map((r) => [r.type, String(r.samples), percent(r.recall), percent(r.precision)]),
    ),
    `_PII: 1,000 valid + 1,000 near-miss samples per type, ${fixed(piiMs, 0)} ms in all._`,
  ].join('\n\n');
}

async function perChunkLatency(matcher: ModerationMatcher, text: string): Promise<string[][]> {
  const chunks = text.match(/[\s\S]{1,4}/g)!; // ~ one token per chunk
  const ctx = { source: 'v1' as const, model: 'openai/x' };
  const moderation = createModerationGuard(
    { get: async () => ({ matcher, messageFor: () => 'x' }) },
    () => {},
  );
  const injection = createInjectionGuard(() => {});
  const chain = async (withGuards: boolean) => {
    const c = { ...ctx };
    const messages = [
      {
        role: 'system' as const,
        content: 'You are the helpful assistant of Example Corp. Answer briefly and politely.',
      },
      { role: 'user' as const, content: '我的电话是 13800138000' },
    ];
    let stream: AsyncIterable<ChatStreamPart> = source(chunks);
    if (withGuards) {
      // PII redact-and-restore is the gateway's (outbound-chat.ts), between the guards and the model
      for (const guard of [moderation, injection]) await guard.checkInput!(messages, c);
      const pii = outboundChat({ model: c.model, messages, source: 'v1' }, () => {});
      pii.forModel({ id: c.model, provider: 'openai', providerModel: 'x', kind: 'chat' });
      stream = moderation.transformOutput!(injection.transformOutput!(pii.restore(stream), c), c);
    }
    const t0 = performance.now();
    for await (const _ of stream);
    return performance.now() - t0;
  };
  const moderationOnly = async () => {
    const t0 = performance.now();
    for await (const _ of moderation.transformOutput!(source(chunks), ctx));
    return performance.now() - t0;
  };
  // interleaved after a warm-up, so JIT and GC land on all three alike
  const runs = { base: [] as number[], mod: [] as number[], all: [] as number[] };
  for (let i = 0; i < 9; i++) {
    runs.base.push(await chain(false));
    runs.mod.push(await moderationOnly());
    runs.all.push(await chain(true));
  }
  const median = (values: number[]) => values.slice(2).sort((a, b) => a - b)[3]!;
  const base = median(runs.base);
  const mod = median(runs.mod);
  const all = median(runs.all);
  const perChunk = (ms: number) => fixed(((ms - base) * 1000) / chunks.length, 2);
  return [
    ['none (the stream alone)', String(chunks.length), `${fixed((base * 1000) / chunks.length, 2)} (base)`],
    ['moderation only', String(chunks.length), perChunk(mod)],
    ['moderation + PII restore + leak canary', String(chunks.length), perChunk(all)],
  ];
}

async function* source(chunks: string[]): AsyncIterable<ChatStreamPart> {
  for (const text of chunks) yield { type: 'text-delta', text };
  yield { type: 'finish', reason: 'stop' };
}

type Rand = () => number;

function seeded(seed: number): Rand {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const han = (r: Rand, n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(r() * 3500))).join('');
const latin = (r: Rand, n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join('');

/**
 * Chinese terms of 3–6 characters and Latin terms of 5–12 letters. Random text hits them
 * about as rarely as real text hits a real lexicon; `log` keeps a hit from ending the stream.
 */
function lexicon(size: number, r: Rand): LexiconTerm[] {
  return Array.from({ length: size }, (_, i) => ({
    term: i % 4 === 0 ? latin(r, 5 + (i % 8)) : han(r, 3 + (i % 4)),
    category: 'custom',
    action: 'log' as const,
  }));
}

function corpus(r: Rand, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const part =
      r() < 0.6 ? `${han(r, 8 + Math.floor(r() * 30))}，` : `${latin(r, 3 + Math.floor(r() * 7))} `;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchSafety());
