import { extractImages, type getDocumentProxy } from 'unpdf';
import { recognizeText } from './tesseract-ocr';

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * OCR of a scanned page: its largest embedded image, handed to tesseract as a PNM file (the
 * simplest format tesseract reads, so no image library is needed). Empty when the page has
 * no image.
 */
export async function ocrPdfPage(
  pdf: Pdf,
  page: number,
  languages: string[],
  signal?: AbortSignal,
): Promise<string> {
  const images = await extractImages(pdf, page);
  const largest = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!largest) return '';
  return recognizeText(
    toPnm(largest.data, largest.width, largest.height, largest.channels),
    languages,
    signal,
  );
}

export function toPnm(
  data: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  channels: number,
): Uint8Array {
  const gray = channels === 1;
  const header = Buffer.from(`${gray ? 'P5' : 'P6'}\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height * (gray ? 1 : 3));
  out.set(header);
  if (gray || channels === 3) {
    out.set(data.subarray(0, width * height * channels), header.length);
    return out;
  }
  // RGBA: drop the alpha channel
  for (let source = 0, target = header.length; source < width * height * 4; source += 4, target += 3) {
    out[target] = data[source]!;
    out[target + 1] = data[source + 1]!;
    out[target + 2] = data[source + 2]!;
  }
  return out;
}
