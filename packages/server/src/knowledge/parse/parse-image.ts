import { baseName } from './base-name';
import type { ParsedDocument, ParseInput, ParseOptions } from './parsed-document';
import { ocrInstallHint, recognizeText, tesseractLanguages } from './tesseract-ocr';

export async function parseImage(
  input: ParseInput,
  options: ParseOptions,
): Promise<Omit<ParsedDocument, 'format'>> {
  const title = baseName(input.filename);
  if (options.ocr === false) {
    return {
      title,
      sections: [],
      warnings: [`OCR is turned off, so the image ${input.filename} was skipped`],
    };
  }
  const languages = await tesseractLanguages();
  if (!languages) {
    return {
      title,
      sections: [],
      warnings: [`OCR skipped for ${input.filename}: tesseract is not installed (${ocrInstallHint})`],
    };
  }
  const text = await recognizeText(input.bytes, languages, options.signal);
  return { title, sections: text ? [{ text }] : [], warnings: [] };
}
