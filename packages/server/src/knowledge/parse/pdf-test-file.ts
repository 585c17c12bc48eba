/**
 * Builds small PDFs for the PDF parser's tests: text drawn where a test says, in a font whose
 * character codes are Unicode code points (Identity-H with a ToUnicode map), Latin 0.5 em wide
 * (/F1) or 0.6 em monospace (/F2), Han 1 em; and an outline (bookmarks) pointing into pages.
 */
export interface TestText {
  x: number;
  y: number;
  text: string;
  size?: number;
  mono?: boolean;
}
export interface TestBookmark {
  title: string;
  page: number;
  top: number;
  children?: TestBookmark[];
}

const pageWidth = 600;

export function testPdf(pages: TestText[][], outline: TestBookmark[] = []): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // ids from 1
  const reserve = () => add('');
  const catalog = reserve();
  const pagesId = reserve();
  const toUnicode = add(stream(toUnicodeCmap()));
  const font = (name: string, latin: number) => {
    const widths = `[32 [${Array.from({ length: 95 }, () => latin).join(' ')}]]`;
    const descendant = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> /DW 1000 /W ${widths} >>`,
    );
    return add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
  };
  const sans = font('QiaoSans', 500);
  const mono = font('QiaoMono', 600);
  const pageIds = pages.map((texts) => {
    const content = texts
      .map((t) => `BT /${t.mono ? 'F2' : 'F1'} ${t.size ?? 10} Tf ${t.x} ${t.y} Td ${show(t.text)} ET`)
      .join('\n');
    const contents = add(stream(content));
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${pageWidth} 842] /Resources << /Font << /F1 ${sans} 0 R /F2 ${mono} 0 R >> >> /Contents ${contents} 0 R >>`,
    );
  });
  let outlines: number | undefined;
  if (outline.length > 0) {
    outlines = reserve();
    const top = bookmarks(outline, outlines, objects, add, pageIds);
    objects[outlines - 1] =
      `<< /Type /Outlines /First ${top[0]} 0 R /Last ${top.at(-1)} 0 R /Count ${top.length} >>`;
  }
  objects[catalog - 1] =
    `<< /Type /Catalog /Pages ${pagesId} 0 R${outlines ? ` /Outlines ${outlines} 0 R` : ''} >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  return serialize(objects);
}

/** `[(text) -333 (more)]`-style runs: a number between two `|` moves the pen (thousandths of an em, negative = right) */
function show(text: string): string {
  const parts = text.split(/\|(-?\d+)\|/);
  return `[${parts.map((part, i) => (i % 2 === 1 ? part : `<${hex(part)}>`)).join(' ')}] TJ`;
}

function bookmarks(
  items: TestBookmark[],
  parent: number,
  objects: string[],
  add: (body: string) => number,
  pageIds: number[],
): number[] {
  const ids = items.map(() => add(''));
  items.forEach((item, i) => {
    const id = ids[i] as number;
    const kids = bookmarks(item.children ?? [], id, objects, add, pageIds);
    const children =
      kids.length > 0 ? ` /First ${kids[0]} 0 R /Last ${kids.at(-1)} 0 R /Count ${kids.length}` : '';
    const prev = i > 0 ? ` /Prev ${ids[i - 1]} 0 R` : '';
    const next = i < ids.length - 1 ? ` /Next ${ids[i + 1]} 0 R` : '';
    objects[id - 1] =
      `<< /Title <FEFF${utf16Hex(item.title)}> /Parent ${parent} 0 R${prev}${next}${children} /Dest [${pageIds[item.page - 1]} 0 R /XYZ 0 ${item.top} 0] >>`;
  });
  return ids;
}

function serialize(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const start = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${start}\n%%EOF`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const hex = (text: string) =>
  [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
const utf16Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

function toUnicodeCmap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const h = high.toString(16).padStart(2, '0');
    return `<${h}00> <${h}ff> <${h}00>`;
  });
  const blocks = [0, 100, 200].map((i) => {
    const block = ranges.slice(i, i + 100);
    return `${block.length} beginbfrange\n${block.join('\n')}\nendbfrange`;
  });
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}
