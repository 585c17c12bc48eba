const lt = 0x3c;
const colon = 0x3a;
const c = 0x63;
const r = 0x72;
const o = 0x6f;
const w = 0x77;

// letters, digits, '_', '-', '.': what an XML name is made of, as far as this count cares
const isNameByte = (b: number) =>
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x5f ||
  b === 0x2d ||
  b === 0x2e;

/**
 * Counts the `<c>` and `<row>` start tags of a worksheet's XML (any namespace prefix), chunk by
 * chunk as it inflates: what a spreadsheet parser turns into objects, so what its memory
 * grows with, known before the parser is run.
 */
export function sheetCellCounter() {
  let inName = false;
  let length = 0;
  let first = 0;
  let second = 0;
  let third = 0;
  let count = 0;
  return {
    push(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (byte === lt) {
          inName = true;
          length = 0;
        } else if (!inName) {
        } else if (byte === colon) {
          length = 0; // a prefix ended; the local name follows
        } else if (isNameByte(byte)) {
          if (length === 0) first = byte;
          else if (length === 1) second = byte;
          else if (length === 2) third = byte;
          length++;
        } else {
          if ((length === 1 && first === c) || (length === 3 && first === r && second === o && third === w))
            count++;
          inName = false;
        }
      }
    },
    get count() {
      return count;
    },
  };
}
