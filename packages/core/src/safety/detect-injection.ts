import { exemplarScore } from './exemplar-score';
import { exemplarModel } from './injection-classifier';
import { injectionPatterns } from './injection-patterns';
import { injectionView } from './injection-view';

export interface InjectionFinding {
  /** 0–1: combined weight of the signs found */
  score: number;
  /**
   * ids of the patterns that fired, and `exemplar` when the classifier did (`decoded:` for
   * ones inside an encoded payload)
   */
  signals: string[];
  /** the exemplar classifier's P(attack), 0–1, over the text and any decoded payload */
  similarity: number;
}

/** At or above: flag. Policies may block from a higher score. */
export const injectionFlagThreshold = 0.5;

/**
 * The classifier's P(attack) from which it counts as a sign: where 5-fold cross-validation on
 * the exemplars flags ~2% of the (deliberately look-alike) benign ones and ~55% of the
 * attacks (injection-classifier.test.ts), checked against lines of Debian's Chinese
 * documentation. Held-out figures: injection-heldout.test.ts.
 */
export const exemplarThreshold = 0.85;
/**
 * A classifier-only finding flags (0.5) but stays under a blocking policy's score (0.8)
 * unless a pattern agrees: it generalizes, so it is also the likelier one to be wrong.
 */
const exemplarWeight = (p: number) =>
  p < exemplarThreshold ? 0 : 0.5 + (0.25 * (p - exemplarThreshold)) / (1 - exemplarThreshold);
const base64Run = /[A-Za-z0-9+/]{20,}={0,2}/g;
const hexRun = /\b(?:[0-9a-fA-F]{2}[\s:]?){12,}\b/g;

/**
 * Scores text for prompt-injection attempts with two signals on one normalized view
 * (injection-view.ts: widths, look-alike letters, traditional characters, spaced letters):
 * hand-written patterns, precise on the forms they know, and a classifier trained on
 * attack and ordinary exemplars in Chinese, English, Japanese and Korean, which carries over
 * to paraphrases the patterns miss. Encoded payloads (base64, hex) are decoded and scored too,
 * so "aWdub3JlIHByZXZpb3Vz…" is no way around it.
 */
export function detectInjection(text: string): InjectionFinding {
  const signals = new Set<string>();
  const view = injectionView(text);
  collect(view, signals, '');
  let similarity = exemplarScore(view);
  if (similarity >= exemplarThreshold) signals.add('exemplar');
  for (const decoded of decodedPayloads(text)) {
    const decodedView = injectionView(decoded);
    collect(decodedView, signals, 'decoded:');
    const p = exemplarScore(decodedView);
    if (p >= exemplarThreshold) signals.add('decoded:exemplar');
    similarity = Math.max(similarity, p);
  }
  let keep = signals.has('exemplar') || signals.has('decoded:exemplar') ? 1 - exemplarWeight(similarity) : 1;
  for (const id of signals) {
    const weight = injectionPatterns.find((p) => p.id === id.replace('decoded:', ''))?.weight ?? 0;
    keep *= 1 - weight;
  }
  return {
    score: Math.round((1 - keep) * 1000) / 1000,
    signals: [...signals],
    similarity: Math.round(similarity * 1000) / 1000,
  };
}

/**
 * Trains the classifier now (tens of milliseconds, once per process) rather than on the first
 * message a user sends. A server calls it at start-up.
 */
export function warmInjectionDetector(): void {
  exemplarModel();
  injectionView('無視ｉ');
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
