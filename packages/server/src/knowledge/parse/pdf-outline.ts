import type { PDFDocumentProxy } from 'unpdf/pdfjs';

/** A bookmark: its title with those of its parents, outermost first, and where it points. */
export interface PdfHeading {
  path: string[];
  /** 1-based page */
  page: number;
  /** top of the heading on the page (PDF units, y up), when the destination says */
  top?: number;
}

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

/**
 * The document outline (bookmarks) as headings in reading order. Entries whose destination
 * cannot be resolved (external links, broken names) are skipped; their children are kept.
 */
export async function pdfHeadings(pdf: PDFDocumentProxy): Promise<PdfHeading[]> {
  const outline = await pdf.getOutline().catch(() => null);
  if (!outline) return [];
  const headings: PdfHeading[] = [];
  const walk = async (nodes: OutlineNode[], parents: string[]) => {
    for (const node of nodes) {
      const title = node.title.normalize('NFKC').replace(/\s+/g, ' ').trim();
      const path = title ? [...parents, title] : parents;
      const target = await destination(pdf, node.dest);
      if (target && title) headings.push({ path, ...target });
      await walk(node.items ?? [], path);
    }
  };
  await walk(outline, []);
  return headings.sort((a, b) => a.page - b.page || (b.top ?? Infinity) - (a.top ?? Infinity));
}

async function destination(
  pdf: PDFDocumentProxy,
  dest: OutlineNode['dest'],
): Promise<{ page: number; top?: number } | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    const ref = explicit?.[0];
    if (ref === undefined || ref === null) return undefined;
    const index = typeof ref === 'number' ? ref : await pdf.getPageIndex(ref as never);
    const kind = (explicit?.[1] as { name?: string } | undefined)?.name;
    // [page /XYZ left top zoom] and [page /FitH top] carry the top of the target
    const top =
      kind === 'XYZ' ? explicit?.[3] : kind === 'FitH' || kind === 'FitBH' ? explicit?.[2] : undefined;
    return { page: index + 1, ...(typeof top === 'number' ? { top } : {}) };
  } catch {
    return undefined;
  }
}
