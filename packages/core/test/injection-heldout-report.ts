// Held-out figures of the prompt-injection detector, for any version of it:
//   npx tsx packages/core/test/injection-heldout-report.ts [path/to/detect-injection.ts]
// (an older checkout's file measures the old code on the same held-out sets). Man pages of
// sections 4, 6 and 7 were never looked at while the classifier was built: the cleanest
// false-positive count on real text.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  heldOutAttacks,
  heldOutAttacksB,
  heldOutAttacksC,
  heldOutBenign,
  heldOutBenignB,
  heldOutBenignC,
} from '../src/safety/injection-heldout';
import { chineseManPageLines, debianReferenceLines, debianTextMissing } from './debian-text';

const target = resolve(
  process.argv[2] ?? new URL('../src/safety/detect-injection.ts', import.meta.url).pathname,
);
const { detectInjection } = (await import(target)) as {
  detectInjection: (text: string) => { score: number };
};
const count = (texts: string[]) => texts.filter((t) => detectInjection(t).score >= 0.5).length;
const line = (name: string, texts: string[]) =>
  console.log(`${name}: ${count(texts)}/${texts.length} flagged`);

console.log(`detector: ${target}`);
line('held-out attacks A', heldOutAttacks);
line('held-out attacks B', heldOutAttacksB);
line('held-out attacks C (final, measured once)', heldOutAttacksC);
line('held-out benign A', heldOutBenign);
line('held-out benign B', heldOutBenignB);
line('held-out benign C (final, measured once)', heldOutBenignC);
if (debianTextMissing) console.log(`real text skipped: ${debianTextMissing}`);
else {
  line('Debian Reference + first 80 zh_CN man1 pages', [...debianReferenceLines(), ...chineseManPageLines()]);
  line('zh_CN man pages, sections 4, 6, 7 (untouched)', untouchedManLines());
}

function untouchedManLines(): string[] {
  return ['man4', 'man6', 'man7'].flatMap((section) => {
    const dir = `/usr/share/man/zh_CN/${section}`;
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.gz'));
    } catch {
      return [];
    }
    return names.flatMap((name) =>
      gunzipSync(readFileSync(`${dir}/${name}`))
        .toString('utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('.') && !l.startsWith("'")),
    );
  });
}
