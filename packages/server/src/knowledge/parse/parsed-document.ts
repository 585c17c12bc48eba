import type { ParseLimits } from './parse-limits';

export type DocumentFormat = 'pdf' | 'docx' | 'md' | 'txt' | 'html' | 'csv' | 'xlsx' | 'image';

export interface ParsedSection {
  text: string;
  /** 1-based page, for formats that have pages */
  page?: number;
  /** headings above this section, outermost first */
  headingPath?: string[];
}

export interface ParsedDocument {
  title: string;
  format: DocumentFormat;
  sections: ParsedSection[];
  /** things a user should know (OCR skipped, sheets empty...); never fatal */
  warnings: string[];
}

export interface ParseInput {
  bytes: Uint8Array;
  filename: string;
  mimeType?: string;
}

export interface ParseOptions {
  /** caps on inflated bytes, cells and text (the memory and time budgets apply to the parser process) */
  limits?: ParseLimits;
  /** run OCR on images and text-less PDF pages (default true; needs the tesseract CLI) */
  ocr?: boolean;
  signal?: AbortSignal;
}
