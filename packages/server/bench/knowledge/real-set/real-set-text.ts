import { parseDocument } from '../../../src/knowledge/parse/parse-document';
import type { DevDocument } from '../dev-set-types';
import type { RealDocument } from './real-set';

/**
 * The real documents as plain text, for the naive baseline: Qiao's parsers read them (HTML,
 * PDF, text) and the sections are joined by blank lines. The baseline then windows that text
 * with no knowledge of sections or headings.
 */
export async function realSetText(documents: readonly RealDocument[]): Promise<DevDocument[]> {
  const texts: DevDocument[] = [];
  for (const document of documents) {
    const parsed = await parseDocument(
      { bytes: document.bytes, filename: document.filename },
      { ocr: false },
    );
    texts.push({
      id: document.filename,
      filename: document.filename,
      text: parsed.sections.map((section) => section.text).join('\n\n'),
    });
  }
  return texts;
}
