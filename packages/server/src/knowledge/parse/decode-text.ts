export interface DecodedText {
  text: string;
  /** set when the bytes were not UTF-8 */
  warning?: string;
}

/**
 * Text files from Chinese Windows machines are often GB18030 (GBK), so UTF-8 is tried first
 * (and UTF-16 by its BOM), then GB18030; a file valid in neither is decoded leniently.
 */
export function decodeText(bytes: Uint8Array, filename: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not UTF-8: fall through
  }
  try {
    return {
      text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
      warning: `${filename} is not UTF-8; it was read as GB18030`,
    };
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      warning: `${filename} is not valid UTF-8; unreadable bytes were replaced`,
    };
  }
}

/**
 * NFKC folds full-width letters and digits and the CJK radicals some PDF writers emit, but not
 * Chinese punctuation: NFKC would turn ，？！；：（） into ASCII, and ASCII "?" before a
 * Chinese character no longer reads as a sentence end. Whitespace is tidied.
 */
export function normalizeText(text: string): string {
  return normalizeKeepingPunctuation(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

const fullWidthPunctuation = /([\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+)/;

export function normalizeKeepingPunctuation(text: string): string {
  return text
    .split(fullWidthPunctuation)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC')))
    .join('');
}
