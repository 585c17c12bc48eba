import { contentDisposition } from './content-disposition';

/**
 * Types a browser only ever renders as passive media, so the UI may show them in place
 * (avatars, image previews, audio). SVG is not one: it is a document that can run script.
 */
const inlineTypes = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'audio/webm',
]);

/** Types kept on a download; anything else (HTML, SVG, XML, script) goes out as opaque bytes. */
const downloadTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/markdown',
  'text/plain',
  'text/csv',
]);

/**
 * A sandbox with nothing allowed: should a browser ever render these bytes as a document, it is
 * an opaque origin with no script, no forms, no requests — never Qiao's own origin.
 */
export const sandboxPolicy = "sandbox; default-src 'none'";

/**
 * Headers for bytes a user (or a provider) chose, served from Qiao's origin: passive media
 * inline, everything else as a download, never sniffed, always sandboxed, never embeddable by
 * another site.
 */
export function userContentHeaders(mimeType: string, name: string): Record<string, string> {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  const inline = inlineTypes.has(type);
  return {
    'Content-Type': inline || downloadTypes.has(type) ? mimeType : 'application/octet-stream',
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': sandboxPolicy,
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
