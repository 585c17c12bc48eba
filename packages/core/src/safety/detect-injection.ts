import { injectionPatterns } from './injection-patterns';

export interface InjectionFinding {
  /** 0–1: combined weight of the signs found */
  score: number;
  /** ids of the patterns that fired (`decoded:` for ones inside an encoded payload) */
  signals: string[];
}

/** At or above: flag. Policies may block from a higher score. */
export const injectionFlagThreshold = 0.5;

const invisible = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g;
/** spaces or filler between Chinese characters ("忽 略 以 上") */
const cjkSpacing = /(?<=[\u4e00-\u9fff])[\s*·._~-]+(?=[\u4e00-\u9fff])/g;
const base64Run = /[A-Za-z0-9+/]{20,}={0,2}/g;
const hexRun = /\b(?:[0-9a-fA-F]{2}[\s:]?){12,}\b/g;

/**
 * Scores text for prompt-injection attempts, in Chinese and English. Encoded payloads (base64,
 * hex) are decoded and scored too, so "aWdub3JlIHByZXZpb3Vz…" is no way around it.
 */
export function detectInjection(text: string): InjectionFinding {
  const signals = new Set<string>();
  collect(normalize(text), signals, '');
  for (const decoded of decodedPayloads(text)) collect(normalize(decoded), signals, 'decoded:');
  let keep = 1;
  for (const id of signals) {
    const weight = injectionPatterns.find((p) => p.id === id.replace('decoded:', ''))?.weight ?? 0;
    keep *= 1 - weight;
  }
  return { score: Math.round((1 - keep) * 1000) / 1000, signals: [...signals] };
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(invisible, '')
    .toLowerCase()
    .replace(cjkSpacing, '')
    .replace(/[ \t]+/g, ' ');
}

function collect(text: string, signals: Set<string>, prefix: string): void {
  for (const { id, pattern } of injectionPatterns) if (pattern.test(text)) signals.add(prefix + id);
}

function* decodedPayloads(text: string): Generator<string> {
  for (const [run] of text.matchAll(base64Run)) {
    const decoded = decodeBase64(run);
    if (decoded) yield decoded;
  }
  for (const [run] of text.matchAll(hexRun)) {
    const decoded = decodeHex(run.replace(/[\s:]/g, ''));
    if (decoded) yield decoded;
  }
}

/** Only text that decodes to valid, mostly printable UTF-8 counts as a payload. */
function readableUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const printable = text.replace(/[\p{Cc}]/gu, '').length;
    return printable >= text.length * 0.9 ? text : undefined;
  } catch {
    return undefined;
  }
}

function decodeBase64(run: string): string | undefined {
  try {
    const binary = atob(run.length % 4 === 0 ? run : run + '='.repeat((4 - (run.length % 4)) % 4));
    return readableUtf8(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function decodeHex(hex: string): string | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return readableUtf8(bytes);
}
