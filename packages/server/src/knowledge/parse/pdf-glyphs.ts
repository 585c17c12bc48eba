import type { PDFPageProxy } from 'unpdf/pdfjs';

/** One glyph where the page draws it, in the frame of its own baseline (x along, y across). */
export interface PdfGlyph {
  text: string;
  x: number;
  y: number;
  /** x where the next glyph would start without extra spacing */
  end: number;
  /** font size as drawn on the page */
  size: number;
  /** angle of the baseline, rounded to degrees: lines never mix directions */
  angle: number;
}

type Matrix = [number, number, number, number, number, number];
type Ops = Record<string, number>;
type GlyphArg = { unicode?: string; width?: number; isSpace?: boolean } | number | null;

const identity = (): Matrix => [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const translate = (tx: number, ty: number, m: Matrix) => multiply([1, 0, 0, 1, tx, ty], m);
const numbers = (args: unknown[]): Matrix => args.flat(2).map(Number).slice(0, 6) as Matrix;

/**
 * The page's glyphs from its operator list, positioned by a small text-state machine.
 * pdf.js's own getTextContent drops glyphs that start past the page edge (an overfull line
 * loses "/etc/network/interfaces" after "/etc/network/inte") and decides spaces from its own
 * fixed gap threshold (monospace listings become "debian -edu -router"); reading the glyphs
 * ourselves keeps every glyph and leaves the spacing decision to pdf-lines.ts.
 */
export async function pageGlyphs(page: PDFPageProxy, ops: Ops): Promise<PdfGlyph[]> {
  const list = await page.getOperatorList({ intent: 'print' });
  const glyphs: PdfGlyph[] = [];
  const stack: Matrix[] = [];
  let ctm = identity();
  let text = {
    widthScale: 0.001,
    tm: identity(),
    tlm: identity(),
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const textStack: (typeof text)[] = [];
  const moveLine = (tx: number, ty: number) => {
    text.tlm = translate(tx, ty, text.tlm);
    text.tm = text.tlm;
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
        stack.push(ctm);
        textStack.push({ ...text });
        break;
      case ops.restore:
        ctm = stack.pop() ?? ctm;
        text = textStack.pop() ?? text;
        break;
      case ops.transform:
        ctm = multiply(numbers(args), ctm);
        break;
      case ops.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = multiply(numbers([args[0]]), ctm);
        break;
      case ops.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case ops.beginText:
        text.tm = identity();
        text.tlm = identity();
        break;
      case ops.setFont:
        text.size = Number(args[1]) || 0;
        text.widthScale = fontWidthScale(page, String(args[0]));
        break;
      case ops.setCharSpacing:
        text.charSpacing = Number(args[0]) || 0;
        break;
      case ops.setWordSpacing:
        text.wordSpacing = Number(args[0]) || 0;
        break;
      case ops.setHScale:
        text.hScale = (Number(args[0]) || 100) / 100;
        break;
      case ops.setLeading:
        text.leading = Number(args[0]) || 0;
        break;
      case ops.setTextRise:
        text.rise = Number(args[0]) || 0;
        break;
      case ops.setTextMatrix:
        text.tlm = numbers(args);
        text.tm = text.tlm;
        break;
      case ops.moveText:
        moveLine(Number(args[0]), Number(args[1]));
        break;
      case ops.setLeadingMoveText:
        text.leading = -Number(args[1]);
        moveLine(Number(args[0]), Number(args[1]));
        break;
      case ops.nextLine:
        moveLine(0, -text.leading);
        break;
      case ops.showText:
      case ops.showSpacedText:
        showText((args[0] ?? []) as GlyphArg[]);
        break;
    }
  }
  return glyphs;

  function showText(items: GlyphArg[]) {
    const { size, hScale } = text;
    for (const item of items) {
      if (item === null) continue;
      if (typeof item === 'number') {
        text.tm = translate((-item / 1000) * size * hScale, 0, text.tm);
        continue;
      }
      const advance = (item.width ?? 0) * text.widthScale * size;
      const spacing = text.charSpacing + (item.isSpace ? text.wordSpacing : 0);
      const m = multiply(text.tm, ctm);
      const scale = Math.hypot(m[0], m[1]) || 1;
      const [ux, uy] = [m[0] / scale, m[1] / scale];
      const px = m[4] + m[2] * text.rise;
      const py = m[5] + m[3] * text.rise;
      const x = px * ux + py * uy;
      const drawn = advance * hScale * scale;
      if (item.unicode) {
        glyphs.push({
          text: item.unicode,
          x,
          y: py * ux - px * uy,
          end: x + drawn,
          size: Math.abs(size) * Math.hypot(m[2], m[3]) || Math.abs(size),
          angle: Math.round((Math.atan2(uy, ux) * 180) / Math.PI),
        });
      }
      text.tm = translate((advance + spacing) * hScale, 0, text.tm);
    }
  }
}

/** glyph widths are in glyph space: thousandths for most fonts, the font's own matrix for Type3 */
function fontWidthScale(page: PDFPageProxy, name: string): number {
  try {
    const font = page.commonObjs.has(name)
      ? (page.commonObjs.get(name) as { fontMatrix?: number[] })
      : undefined;
    const scale = font?.fontMatrix?.[0];
    return typeof scale === 'number' && scale > 0 ? scale : 0.001;
  } catch {
    return 0.001;
  }
}
