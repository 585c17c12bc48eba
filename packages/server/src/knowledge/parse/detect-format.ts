import { AppError } from '@qiao/core';
import { unzipSync } from 'fflate';
import type { DocumentFormat } from './parsed-document';

const textExtensions: Record<string, DocumentFormat> = {
  md: 'md',
  markdown: 'md',
  txt: 'txt',
  text: 'txt',
  log: 'txt',
  htm: 'html',
  html: 'html',
  xhtml: 'html',
  csv: 'csv',
};

/**
 * The format from the bytes first and the name second: a name can lie, magic bytes rarely do.
 * Text formats have no magic, so for text the extension (or MIME type) picks md/html/csv/txt.
 */
export function detectFormat(bytes: Uint8Array, filename: string, mimeType?: string): DocumentFormat {
  if (bytes.byteLength === 0) throw new AppError('bad_request', `${filename} is empty`);
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, '%PDF-') || indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return officeFormat(bytes, filename);
  if (isImage(bytes)) return 'image';
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) {
    throw new AppError(
      'unsupported_media_type',
      extension === 'pdf'
        ? `${filename} is named .pdf but is not a PDF (no %PDF header)`
        : `${filename} is not a supported document: pdf, docx, xlsx, md, txt, html, csv or an image`,
    );
  }
  const byName = textExtensions[extension];
  if (byName) return byName;
  if (mimeType?.includes('html') || /^\s*(<!doctype html|<html)/i.test(headText(bytes))) return 'html';
  if (mimeType?.includes('markdown')) return 'md';
  if (mimeType?.includes('csv')) return 'csv';
  if (['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'].includes(extension)) {
    throw new AppError(
      'unsupported_media_type',
      `${filename} is named .${extension} but its content is plain text`,
    );
  }
  return 'txt';
}

function officeFormat(bytes: Uint8Array, filename: string): DocumentFormat {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false; // names only: nothing is inflated here
      },
    });
  } catch (error) {
    throw new AppError('bad_request', `${filename} is a damaged zip archive`, { cause: error });
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  throw new AppError(
    'unsupported_media_type',
    `${filename} is a zip archive but neither a .docx nor an .xlsx file`,
  );
}

function isImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, '\x89PNG') ||
    startsWith(bytes, '\xff\xd8\xff') ||
    startsWith(bytes, 'GIF8') ||
    startsWith(bytes, 'BM') ||
    startsWith(bytes, 'II*\x00') ||
    startsWith(bytes, 'MM\x00*') ||
    (startsWith(bytes, 'RIFF') && ascii(bytes.subarray(8, 12)) === 'WEBP') ||
    /^P[4-6]\s/.test(ascii(bytes.subarray(0, 3))) // PNM, what scanners and tesseract speak
  );
}

/** NUL bytes or many control characters in the first 8 KB: not text in any encoding we read. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > head.byteLength * 0.02;
}

// UTF-16 text is full of NUL bytes; its byte-order mark says it is text (decode-text reads it)
function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function headText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(0, 512));
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return ascii(bytes.subarray(0, magic.length)) === magic;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1');
}
