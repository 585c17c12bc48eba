import type { PdfGlyph } from './pdf-glyphs';

export interface PdfLine {
  text: string;
  /** start and end along the baseline, baseline position across it */
  x: number;
  end: number;
  y: number;
  size: number;
}

/**
 * A gap wider than this share of the font size is a space. TeX and most typesetters draw
 * no space glyph, only a gap (interword glue shrinks to about 0.22 em), while monospace
 * listings leave about 0.15 em between tokens of one word ("debian-edu-router"), which a
 * lower threshold (pdf.js and poppler use 0.1) turns into "debian -edu -router".
 */
const spaceGap = 0.2;
/** between two Han/kana characters only a wide gap (a table column) is a space */
const cjkSpaceGap = 0.6;
const cjk =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

export const isCjk = (char: string | undefined) => char !== undefined && cjk.test(char);

/** Glyphs in drawing order to lines: a new line where the baseline moves or the pen jumps back. */
export function glyphLines(glyphs: PdfGlyph[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: (PdfLine & { angle: number }) | undefined;
  for (const glyph of glyphs) {
    const size = glyph.size || 1;
    const sameLine =
      line &&
      glyph.angle === line.angle &&
      Math.abs(glyph.y - line.y) <= 0.5 * Math.min(size, line.size || size) &&
      glyph.x >= line.end - 0.5 * size;
    if (!line || !sameLine) {
      if (line) lines.push(finish(line));
      line = { text: '', x: glyph.x, end: glyph.x, y: glyph.y, size, angle: glyph.angle };
    }
    const gap = glyph.x - line.end;
    const last = line.text.at(-1);
    const space = /\s/.test(glyph.text);
    if (space) {
      if (last !== undefined && last !== ' ') line.text += ' ';
    } else {
      const threshold = isCjk(last) && isCjk(glyph.text[0]) ? cjkSpaceGap : spaceGap;
      if (last !== undefined && last !== ' ' && gap > threshold * size) line.text += ' ';
      line.text += glyph.text;
      // the body size of a line is its largest glyph (superscripts are smaller)
      line.size = Math.max(line.size, size);
    }
    line.end = Math.max(line.end, glyph.end);
  }
  if (line) lines.push(finish(line));
  return lines.filter((l) => l.text.trim() !== '');
}

function finish({ angle: _, ...line }: PdfLine & { angle: number }): PdfLine {
  return { ...line, text: line.text.trim() };
}
