import { foldCodePoint } from './fold-char';

/**
 * A tag's start as a model may read it: an angle bracket in any width or look-alike (or as an
 * HTML entity), an optional slash, then a name that may be spaced, zero-width-split, in
 * full-width or look-alike letters.
 */
const tagStart =
  /(?:[<＜﹤〈〈⟨‹]|&lt;?|&#0*60;?|&#x0*3c;?)((?:[\s\p{Cf}]*[/／∕⁄⧸])?[\s\p{Cf}]*)([\p{L}\p{N}\p{Pc}\p{Pd}.|:\s\p{Cf}]{1,80})/giu;

/** Qiao's own fences: any tag whose name starts so is defused */
const fencePrefixes = ['knowledgebase', 'untrusted'];
/** role and chat-template tags, matched whole */
const roleTags = new Set([
  'system',
  'assistant',
  'user',
  'developer',
  'tool',
  'imstart',
  'imend',
  'sys',
  'inst',
]);

function fold(name: string): string {
  let out = '';
  for (const char of name.toLowerCase()) out += foldCodePoint(char.codePointAt(0)!);
  return out;
}

/**
 * Defuses anything in untrusted text (a passage, a file, a tool result, a document's name)
 * that could read as one of the prompt's fences or a role tag: `</KNOWLEDGE_BASE_PASSAGES>`,
 * `< / knowledge base passages >`, `＜/untrusted‑data＞`, `&lt;/system&gt;`, `<|im_start|>`.
 * The bracket becomes "(", so the text still reads but can no longer close the block it sits
 * in or open a new one.
 */
export function defuseFenceTags(text: string): string {
  return text.replace(tagStart, (match, slash: string, name: string) => {
    const folded = fold(name);
    const fence = fencePrefixes.some((p) => folded.startsWith(p)) || roleTags.has(folded);
    return fence ? `(${slash.replace(/[\s\p{Cf}]/gu, '')}${name}` : match;
  });
}
