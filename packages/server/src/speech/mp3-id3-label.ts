import type { AigcLabel } from '@qiao/core';
import { aiContentProducer } from '@qiao/core';

/**
 * The MP3 with an implicit AI label in front: an ID3v2.3 tag holding a `TXXX:AIGC` frame (the
 * GB 45438 label as JSON) and `TENC` (the producing software). Players skip the tag; the audio
 * bytes are untouched.
 */
export function labelMp3(mp3: Buffer, label: AigcLabel): Buffer {
  const frames = Buffer.concat([
    frame('TXXX', Buffer.concat([latin1('\0AIGC\0'), latin1(JSON.stringify(label))])),
    frame('TENC', latin1(`\0${aiContentProducer}`)),
  ]);
  const header = Buffer.concat([latin1('ID3'), Buffer.from([3, 0, 0]), syncsafe(frames.length)]);
  return Buffer.concat([header, frames, mp3]);
}

/** ID3v2.3 frame: id, 32-bit big-endian size, two flag bytes, body (encoding byte 0 = ISO-8859-1). */
function frame(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head.write(id, 0, 'latin1');
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** The tag size: four bytes of seven bits each, so no byte looks like an MPEG sync. */
function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
