/// <reference path="./opencc-dicts.d.ts" />
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';

let table: Map<string, string> | undefined;

function parse(dict: string): [string, string][] {
  return dict.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to];
  });
}

/**
 * Character-level traditional → simplified, from OpenCC's dictionaries. Matching needs a
 * one-to-one map per character (so every hit can point back at the original text), which is
 * why OpenCC's phrase-level converter is not used here. Taiwan/Hong Kong variant forms are
 * first mapped to OpenCC's standard traditional form, then to simplified.
 */
export function simplifiedChar(char: string): string {
  table ??= buildTable();
  return table.get(char) ?? char;
}

function buildTable(): Map<string, string> {
  const map = new Map(parse(tsCharacters));
  for (const [variant, standard] of [...parse(twVariantsRev), ...parse(hkVariantsRev)]) {
    if (!map.has(variant)) map.set(variant, map.get(standard) ?? standard);
  }
  return map;
}
