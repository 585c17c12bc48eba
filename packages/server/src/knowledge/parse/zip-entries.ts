export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  compressedSize: number;
  /** what the central directory claims; a crafted archive may lie */
  declaredSize: number;
  /** offset of the entry's data, after its local header */
  dataStart: number;
}

const eocdSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const max32 = 0xffffffff;

/**
 * The entries of a zip archive as its central directory lists them, which is what the office
 * parsers (JSZip) read too. Throws on a damaged archive.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || offset === max32) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === zip64LocatorSignature
  ) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== centralSignature) throw new Error('bad central directory entry');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const sizes = {
      declaredSize: view.getUint32(offset + 24, true),
      compressedSize: view.getUint32(offset + 20, true),
      local: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, sizes);
    if (view.getUint32(sizes.local, true) !== localSignature) throw new Error('bad local header');
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: sizes.compressedSize,
      declaredSize: sizes.declaredSize,
      dataStart:
        sizes.local + 30 + view.getUint16(sizes.local + 26, true) + view.getUint16(sizes.local + 28, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (view.getUint32(at, true) === eocdSignature) return at;
  }
  throw new Error('no end of central directory');
}

// zip64 stores the fields that overflow 32 bits, in this order, in extra field 0x0001
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  sizes: { declaredSize: number; compressedSize: number; local: number },
): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['declaredSize', 'compressedSize', 'local'] as const) {
        if (sizes[key] !== max32 || field + 8 > at + 4 + size) continue;
        sizes[key] = Number(view.getBigUint64(field, true));
        field += 8;
      }
    }
    at += 4 + size;
  }
}
