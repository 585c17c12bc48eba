import { aigcLabel } from '@qiao/core';
import { parseBuffer } from 'music-metadata';
import { expect, test } from 'vitest';
import { labelWav } from './wav-info-label';

/** A mono 16-bit WAV the way espeak-ng writes it to a pipe: placeholder sizes, odd data length. */
function pipedWav(dataBytes: number, extra: Buffer = Buffer.alloc(0)): Buffer {
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8); // PCM
  fmt.writeUInt16LE(1, 10); // mono
  fmt.writeUInt32LE(22050, 12);
  fmt.writeUInt32LE(44100, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const head = Buffer.from('RIFF\x24\xf0\xff\x7fWAVE', 'latin1');
  const data = Buffer.from('data\x00\xf0\xff\x7f', 'latin1');
  return Buffer.concat([head, fmt, extra, data, Buffer.alloc(dataBytes, 1)]);
}

test('the label goes in a LIST/INFO chunk; sizes become real; an old LIST chunk is replaced', async () => {
  const old = Buffer.concat([Buffer.from('LIST\x0c\x00\x00\x00INFOISFT\x00\x00\x00\x00', 'latin1')]);
  const labelled = labelWav(pipedWav(44_101, old), aigcLabel('content-1'));
  expect(labelled.readUInt32LE(4)).toBe(labelled.length - 8);
  expect(labelled.length % 2).toBe(0);
  expect(labelled.toString('latin1').split('LIST')).toHaveLength(2);
  const meta = await parseBuffer(labelled, { mimeType: 'audio/wav' });
  const tags = Object.values(meta.native).flat();
  const comment = tags.find((tag) => tag.id === 'ICMT')?.value as string;
  expect(JSON.parse(comment)).toMatchObject({
    AIGC: { Label: '1', ContentProducer: 'Qiao', ProduceID: 'content-1' },
  });
  expect(meta.format.duration).toBeCloseTo(22_050 / 22_050, 1);
});

test('bytes that are not a WAV come back unchanged', () => {
  const bytes = Buffer.from('not a wav at all');
  expect(labelWav(bytes, aigcLabel('x'))).toBe(bytes);
});
