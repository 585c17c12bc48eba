/// <reference path="./opencc-dicts.d.ts" />
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';
import jpShinjitai from 'opencc-js/dict/JPShinjitaiCharacters';
import jpShinjitaiRev from 'opencc-js/dict/JPShinjitaiCharactersRev';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';

let table: Map<string, string> | undefined;

function parse(dict: string): string[][] {
  return dict.split('|').map((entry) => entry.split(' '));
}

/**
 * Character-level traditional → simplified, from OpenCC's dictionaries. Matching needs a
 * one-to-one map per character (so every hit can point back at the original text), which is
 * why OpenCC's phrase-level converter is not used here. Taiwan/Hong Kong variant forms are
 * first mapped to OpenCC's standard traditional form, then to simplified; so are Japanese
 * shinjitai forms (氷 → 冰, 仮 → 假).
 */
export function simplifiedChar(char: string): string {
  table ??= buildTable();
  return table.get(char) ?? char;
}

function buildTable(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from = '', to = ''] of parse(tsCharacters)) map.set(from, to);
  const toSimplified = (standard: string) => map.get(standard) ?? standard;
  for (const [variant = '', standard = ''] of [...parse(twVariantsRev), ...parse(hkVariantsRev)]) {
    if (!map.has(variant)) map.set(variant, toSimplified(standard));
  }
  // Shinjitai share code points with ordinary Chinese characters (予 for 豫, 芸 for 藝, 欠 for
  // 缺): a form that is itself a GB2312 character keeps its Chinese meaning and is not folded.
  const chinese = gb2312Characters();
  const japanese = [
    ...parse(jpShinjitai),
    ...parse(jpShinjitaiRev).flatMap(([kyujitai = '', ...forms]) => forms.map((form) => [form, kyujitai])),
  ];
  for (const [form = '', kyujitai = ''] of japanese) {
    if (form && form !== kyujitai && !map.has(form) && !chinese.has(form))
      map.set(form, toSimplified(kyujitai));
  }
  return map;
}

/** The 6,763 hanzi of GB2312 (rows 0xB0–0xF7), read through the platform's GBK decoder. */
function gb2312Characters(): Set<string> {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  return new Set(new TextDecoder('gb2312').decode(Uint8Array.from(bytes)));
}
