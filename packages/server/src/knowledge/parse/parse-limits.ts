/**
 * What parsing one uploaded document may cost. A hostile file (a zip bomb with honest sizes,
 * a sheet of millions of cells) must hit one of these and fail with a reason, instead of
 * taking the server's memory or event loop (docs/knowledge-ingestion.md).
 */
export interface ParseLimits {
  /** V8 heap of the parser process; its resident memory may exceed this by `rssHeadroomMb` */
  maxMemoryMb: number;
  /** wall clock of one parse, OCR included */
  timeoutMs: number;
  /** parser processes running at once in this server; more wait their turn */
  concurrency: number;
  /** bytes one zip entry may inflate to, counted on the inflated stream itself */
  maxEntryBytes: number;
  /** bytes all entries of one archive may inflate to together */
  maxInflatedBytes: number;
  /** cells of all sheets of a workbook */
  maxCells: number;
  /** characters of text a document may yield */
  maxTextChars: number;
}

export const defaultParseLimits: ParseLimits = {
  maxMemoryMb: 1024,
  timeoutMs: 300_000,
  concurrency: 2,
  maxEntryBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 1_000_000,
  maxTextChars: 20_000_000,
};

/** Node itself, the parsers' code and the input bytes live outside the V8 heap. */
export const rssHeadroomMb = 512;
