import type { AigcLabel } from '@qiao/core';
import { aiContentProducer } from '@qiao/core';

/**
 * The WAV with an implicit AI label: a `LIST`/`INFO` chunk (ICMT = the GB 45438 label as JSON,
 * ISFT = the producing software) before the samples. espeak-ng writes to a pipe and cannot
 * seek back, so its RIFF and data sizes are placeholders: both are set to the real ones here.
 */
export function labelWav(wav: Buffer, label: AigcLabel): Buffer {
  if (wav.length < 12 || wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE')
    return wav;
  const chunks: Buffer[] = [];
  let data: Buffer | undefined;
  for (let at = 12; at + 8 <= wav.length; ) {
    const id = wav.toString('latin1', at, at + 4);
    const declared = wav.readUInt32LE(at + 4);
    const size = id === 'data' ? Math.min(declared, wav.length - at - 8) : declared;
    const chunk = wav.subarray(at, at + 8 + size + (size % 2));
    if (id === 'data') {
      data = Buffer.concat([Buffer.from('data'), u32(size), wav.subarray(at + 8, at + 8 + size)]);
      if (size % 2) data = Buffer.concat([data, Buffer.alloc(1)]);
      break;
    }
    if (id !== 'LIST') chunks.push(chunk);
    at += 8 + size + (size % 2);
  }
  if (!data) return wav;
  const info = infoChunk({ ICMT: JSON.stringify(label), ISFT: aiContentProducer });
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks, info, data]);
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length), body]);
}

function infoChunk(fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(([id, value]) => {
    const text = Buffer.from(`${value}\0`, 'utf8');
    const padded = text.length % 2 ? Buffer.concat([text, Buffer.alloc(1)]) : text;
    return Buffer.concat([Buffer.from(id, 'latin1'), u32(text.length), padded]);
  });
  const body = Buffer.concat([Buffer.from('INFO'), ...parts]);
  return Buffer.concat([Buffer.from('LIST'), u32(body.length), body]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value);
  return out;
}
