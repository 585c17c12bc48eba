import confusables from 'unhomoglyph/data.json' with { type: 'json' };

const prototypes = confusables as Record<string, string>;

/**
 * Small capitals have no decomposition and Unicode's confusables data lists only some of
 * them (and maps Cyrillic н to ʜ), so the closed set of 25 is spelled out here.
 */
const smallCapitals: Record<string, string> = Object.fromEntries(
  [...'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ'].map((char, i) => [char, 'abcdefghijklmnopqrstuvwxyz'[i]!]),
);

/** Enclosed letters that NFKC leaves alone: negative circled 🅐, negative squared 🅰, regional indicators 🇦. */
const letterRanges = [0x1f150, 0x1f170, 0x1f1e6];

const asciiWord = /^[a-z0-9]+$/;
/** CJK text is never a Latin disguise; its characters are left to the variants table. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

/**
 * The Latin letters or digits a character is drawn to look like, from Unicode's confusables
 * data (UTS #39), or undefined. Only mappings that land on plain ASCII are used: matching wants
 * Cyrillic а or dotless ı read as a and i, never Chinese 一 rewritten as katakana ー.
 */
export function latinLookAlike(char: string): string | undefined {
  const cp = char.codePointAt(0)!;
  if (cp < 128 || cjk.test(char)) return undefined;
  for (const start of letterRanges) {
    if (cp >= start && cp < start + 26) return String.fromCharCode(97 + cp - start);
  }
  const decomposed = stripMarks(char).toLowerCase();
  if (asciiWord.test(decomposed)) return decomposed;
  // a small letter's prototype is sometimes a non-ASCII one (м → ʍ) where its capital's is ASCII (М → M)
  for (const candidate of [char, char.toLowerCase(), char.toUpperCase()]) {
    const small = smallCapitals[candidate];
    if (small) return small;
    const prototype = prototypes[candidate];
    if (prototype === undefined) continue;
    const latin = [...stripMarks(prototype)].map((c) => smallCapitals[c] ?? c.toLowerCase()).join('');
    if (!asciiWord.test(latin)) continue;
    // the data's prototypes are "rn" for m-like letters and "l" for I-like ones
    if (latin === 'rn') return 'm';
    return latin === 'l' && candidate !== candidate.toLowerCase() ? 'i' : latin;
  }
  return undefined;
}

/** Canonical decomposition without the combining marks: é → e, ガ → カ; Hangul stays composed. */
export function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}
