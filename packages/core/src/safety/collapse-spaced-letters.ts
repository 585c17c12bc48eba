/** characters an attacker puts between letters to split a word ("i g n o r e", "i.g.n.o.r.e") */
const gap = '[\\s.\\-_*·•/|+~]{1,3}';
const letter = '[\\p{L}\\p{N}]';
/** three or more single letters, each set apart by a gap */
const spacedRun = new RegExp(`(?<![\\p{L}\\p{N}])${letter}(?:${gap}${letter}(?![\\p{L}\\p{N}])){2,}`, 'gu');

/**
 * Joins words written letter by letter. Within one run the narrowest gap separates letters
 * and any wider gap separates words, so "i g n o r e   a l l" reads "ignore all". Used only on
 * the view that detectors read, never on text shown or sent.
 */
export function collapseSpacedLetters(text: string): string {
  return text.replace(spacedRun, (run) => {
    const gaps = [...run.matchAll(new RegExp(gap, 'gu'))].map((m) => m[0].length);
    const narrowest = Math.min(...gaps);
    return run.replace(new RegExp(gap, 'gu'), (g) => (g.length > narrowest ? ' ' : ''));
  });
}
