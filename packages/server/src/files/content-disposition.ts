/** RFC 5987 attr-char: everything else in a `filename*` value is percent-encoded. */
const encodeExtValue = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A `Content-Disposition` value (RFC 6266) for a name a user chose: a plain-ASCII fallback in
 * `filename` (no quotes, backslashes, controls or separators that could end the header or the
 * parameter) and the real, often Chinese, name in `filename*` (RFC 5987, UTF-8, percent-encoded).
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string, fallback = 'file'): string {
  const clean =
    name
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, '')
      .replace(/[\\/:*?"<>|;]+/g, '_')
      .trim()
      .slice(0, 200) || fallback;
  const ascii = clean.replace(/[^\x20-\x7e]+/g, '_').replace(/%/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}
