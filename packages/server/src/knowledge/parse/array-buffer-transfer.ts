/**
 * pdf.js (5.x) hands font data over with ArrayBuffer.prototype.transferToFixedLength, which
 * Node only has from 21; on Node 20 every page that loads a font would lose its text
 * ("transferToFixedLength is not a function" ends the page's operator list). A copy has the
 * same result for pdf.js, which never reads the old buffer again.
 */
export function ensureArrayBufferTransfer(): void {
  if ('transferToFixedLength' in ArrayBuffer.prototype) return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}
