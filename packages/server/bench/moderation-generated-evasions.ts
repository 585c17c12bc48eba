import confusables from 'unhomoglyph/data.json' with { type: 'json' };
import { evasionLexicon } from '../../core/src/safety/evasion-cases';
import { TermMatcher } from '../../core/src/safety/term-matcher';
import { defaultTerms } from '../src/safety/default-lexicon';

/**
 * Evasion forms generated at random rather than written by hand: every lexicon term, disguised
 * by one of several transformations drawn from Unicode's own data (any confusable of a Latin
 * letter, any default-ignorable code point, any combining mark, numeric references, a bidi
 * override, fillers), plus ordinary Chinese/English sentences made with the same disguises as
 * a false-positive check. `npx tsx packages/server/bench/moderation-generated-evasions.ts`
 */
let seed = 12345;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const lookAlikes = new Map<string, string[]>();
for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
  if (!/^[a-z]$/i.test(to) || from.codePointAt(0)! < 128) continue;
  const key = to.toLowerCase();
  lookAlikes.set(key, [...(lookAlikes.get(key) ?? []), from]);
}
const bmp = (test: RegExp) =>
  Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp)).filter(
    (c, cp) => (cp < 0xd800 || cp > 0xdfff) && test.test(c),
  );
const ignorables = bmp(/^\p{Default_Ignorable_Code_Point}$/u);
const marks = bmp(/^\p{Mn}$/u).filter((c) => c.normalize('NFC') === c);

const perChar = (map: (c: string) => string) => (term: string) => [...term].map(map).join('');
const disguises: Record<string, (term: string) => string> = {
  'look-alike letters': perChar((c) => (random() < 0.6 && lookAlikes.get(c) ? pick(lookAlikes.get(c)!) : c)),
  'invisible between': perChar((c) => c + pick(ignorables)),
  'combining marks': perChar((c) => c + pick(marks)),
  'numeric references': perChar((c) =>
    random() < 0.5 ? `&#x${c.codePointAt(0)!.toString(16)};` : `&#${c.codePointAt(0)};`,
  ),
  'bidi override': (term) => `\u202e${[...term].reverse().join('')}\u202c`,
  'mixed disguises': (term) =>
    [...term]
      .map((c) => {
        const r = random();
        if (r < 0.3 && lookAlikes.get(c)) return pick(lookAlikes.get(c)!);
        if (r < 0.5) return `${c}${pick(ignorables)}`;
        if (r < 0.7) return `&#${c.codePointAt(0)};`;
        return c.toUpperCase();
      })
      .join(''),
};

const terms = [...new Set([...evasionLexicon, ...Object.values(defaultTerms).flat()])];
const matcher = new TermMatcher(terms.map((term) => ({ term, data: null })));
let caught = 0;
let all = 0;
for (const [name, disguise] of Object.entries(disguises)) {
  let ok = 0;
  let n = 0;
  for (let round = 0; round < 5; round++) {
    for (const term of terms) {
      const text = `有人说 ${disguise(term)} 就在这里`;
      n++;
      if (matcher.scan(text).some((hit) => hit.term === term)) ok++;
    }
  }
  console.log(`${name.padEnd(20)} ${ok}/${n}`);
  caught += ok;
  all += n;
}
console.log(`generated evasions caught: ${caught}/${all}`);

const clean = [
  '今天的会议改到下午三点，请大家准时参加。',
  'The quarterly report shows steady growth in every region.',
  '请把发票和合同一起寄给财务部门。',
  'Please renew your passport before the trip.',
  '我们在讨论银行卡的安全设置。',
];
let falsePositives = 0;
for (const [name, disguise] of Object.entries(disguises)) {
  for (const sentence of clean) if (matcher.scan(disguise(sentence)).length > 0) falsePositives++;
  void name;
}
console.log(
  `disguised ordinary sentences flagged: ${falsePositives}/${clean.length * Object.keys(disguises).length}`,
);
