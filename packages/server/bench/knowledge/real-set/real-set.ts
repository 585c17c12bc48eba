import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a question tests; one question may have several. */
export type RealTag = 'number' | 'english' | 'table' | 'heading' | 'list' | 'paraphrase' | 'command';

export interface RealQuestion {
  id: string;
  /** file name under docs/ */
  doc: string;
  /** written the way a person asks, not a sentence copied from the document */
  question: string;
  /** a verbatim span of the document as Qiao's parser reads it (whitespace-insensitive), unique in the corpus */
  answer: string;
  tags: RealTag[];
}

export interface RealDocument {
  filename: string;
  bytes: Uint8Array;
}

const here = new URL('.', import.meta.url).pathname;
export const realDocsDir = join(here, 'docs');

/**
 * The real-document dev set: Chinese documentation Debian ships (debian-reference, the
 * Debian Edu manual as PDF, GIMP help pages, man pages rendered to text; see docs/SOURCES.md)
 * and questions written by hand over them, each with the verbatim span that answers it.
 */
export function loadRealSet(): { documents: RealDocument[]; questions: RealQuestion[] } {
  const documents = readdirSync(realDocsDir)
    .filter((name) => name !== 'SOURCES.md')
    .sort()
    .map((filename) => ({ filename, bytes: new Uint8Array(readFileSync(join(realDocsDir, filename))) }));
  const questions = readdirSync(here)
    .filter((name) => /^questions-.*\.json$/.test(name))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(here, name), 'utf8')) as RealQuestion[]);
  return { documents, questions };
}

/** The form answer spans are compared in: NFKC, whitespace runs as one space. */
export const normalizeSpan = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
