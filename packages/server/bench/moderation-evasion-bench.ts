import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evasionCases, evasionLexicon } from '../../core/src/safety/evasion-cases';
import { unicodeEvasionCases } from '../../core/src/safety/evasion-cases-unicode';
import { TermMatcher } from '../../core/src/safety/term-matcher';
import { defaultTerms } from '../src/safety/default-lexicon';

/**
 * Moderation evasion forms caught, per class, and false positives of the default lexicon plus
 * the evasion suite's lexicon on real Debian text (debian-reference, Chinese and English man
 * pages), where every hit is a false alarm unless it names the term itself.
 * `npx tsx packages/server/bench/moderation-evasion-bench.ts`
 */
const terms = [...new Set([...evasionLexicon, ...Object.values(defaultTerms).flat()])];
const matcher = new TermMatcher(terms.map((term) => ({ term, data: null })));
const found = (text: string) => [...new Set(matcher.scan(text).map((h) => h.term))].sort().join('|');

const byClass = new Map<string, { ok: number; all: number }>();
const cases = [
  ...evasionCases.map((c) => ({ ...c, class: 'suite (before issue 12)' })),
  ...unicodeEvasionCases,
];
for (const c of cases) {
  const row = byClass.get(c.class) ?? { ok: 0, all: 0 };
  row.all++;
  if (found(c.text) === [...c.expect].sort().join('|')) row.ok++;
  byClass.set(c.class, row);
}
let ok = 0;
for (const [name, row] of byClass) {
  console.log(`${name.padEnd(24)} ${row.ok}/${row.all}`);
  ok += row.ok;
}
console.log(`evasion total: ${ok}/${cases.length}`);

function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const docs = '/usr/share/doc/debian-reference-common/docs';
  if (existsSync(docs)) {
    for (const file of readdirSync(docs).filter((f) => /\.(zh-cn|en)\.html$/.test(f)))
      out.push({ name: `debian-reference ${file}`, text: readFileSync(join(docs, file), 'utf8') });
  }
  for (const dir of ['/usr/share/man/zh_CN/man1', '/usr/share/man/man1']) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.gz'))
      .slice(0, 400))
      out.push({
        name: `${dir}/${file}`,
        text: gunzipSync(readFileSync(join(dir, file))).toString('utf8'),
      });
  }
  return out;
}

const corpus = texts();
if (corpus.length === 0) console.log('false positives: skipped, no Debian text installed');
else {
  let lines = 0;
  let chars = 0;
  const hits: string[] = [];
  for (const { name, text } of corpus) {
    lines += text.split('\n').length;
    chars += text.length;
    for (const hit of matcher.scan(text))
      hits.push(
        `${name}: ${hit.term} ← ${JSON.stringify(text.slice(Math.max(0, hit.start - 15), hit.end + 15))}`,
      );
  }
  console.log(
    `false positives: ${hits.length} hits in ${corpus.length} files, ${lines} lines, ${chars} chars`,
  );
  for (const hit of hits.slice(0, 30)) console.log(`  ${hit}`);
}

/**
 * Folding probe: the 300 most frequent English words of the English man pages as a lexicon,
 * run over man pages in other languages. Hits whose original text is not the word itself
 * and that hold a non-ASCII character come from folding — Cyrillic or Greek read as Latin,
 * accents dropped.
 */
const manDir = '/usr/share/man';
if (existsSync(join(manDir, 'man1'))) {
  const read = (dir: string, n: number) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.gz'))
          .slice(0, n)
          .map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'))
      : [];
  const counts = new Map<string, number>();
  for (const text of read(join(manDir, 'man1'), 300))
    for (const word of text.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  const probeTerms = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 300)
    .map(([w]) => w);
  const probe = new TermMatcher(probeTerms.map((term) => ({ term, data: null })));
  const languages = ['ru', 'uk', 'de', 'fr', 'pl', 'cs', 'tr', 'sr', 'ja', 'ko', 'zh_CN'];
  let total = 0;
  let folded = 0;
  const samples: string[] = [];
  for (const lang of languages) {
    for (const text of read(join(manDir, lang, 'man1'), 60)) {
      for (const hit of probe.scan(text)) {
        total++;
        const span = text.slice(hit.start, hit.end);
        // separators between letters ("und der" → under) are the older, separate trade-off
        if (span.toLowerCase() === hit.term || !/[^ -~\s]/.test(span)) continue;
        folded++;
        if (samples.length < 25) samples.push(`${lang}: ${hit.term} ← ${JSON.stringify(span)}`);
      }
    }
  }
  console.log(
    `folding probe: ${probeTerms.length} English words over ${languages.join(',')} man pages: ${total} hits, ${folded} through folding`,
  );
  for (const s of samples) console.log(`  ${s}`);
}
