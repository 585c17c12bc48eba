import { describe, expect, it } from 'vitest';
import { createDownloadProgress, formatBytes } from './download-progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    write: (text: string) => written.push(text) > 0,
    columns: 100,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('createDownloadProgress', () => {
  it('prints plain periodic lines with speed and ETA when not on a terminal', () => {
    let clock = 0;
    const { stream, written } = fakeStream(false);
    const progress = createDownloadProgress({
      stream,
      label: 'tiny.gguf',
      intervalMs: 1000,
      now: () => clock,
    });
    const total = 10 * 1024 * 1024;
    for (let second = 1; second <= 4; second++) {
      clock = second * 500;
      progress.update(second * 1024 * 1024, total);
    }
    progress.stop();
    expect(written).toEqual([
      'tiny.gguf: 1.0 MB / 10.0 MB (10%) 2.0 MB/s ETA 5s\n',
      'tiny.gguf: 3.0 MB / 10.0 MB (30%) 2.0 MB/s ETA 4s\n',
      'tiny.gguf: 4.0 MB / 10.0 MB (40%) 2.0 MB/s ETA 3s\n',
    ]);
  });

  it('draws a bar on a terminal', () => {
    const { stream, written } = fakeStream(true);
    Object.assign(stream, {
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => stream,
    });
    const progress = createDownloadProgress({ stream, label: 'tiny.gguf' });
    progress.update(512, 2048);
    progress.update(2048, 2048);
    progress.stop();
    expect(written.join('')).toMatch(/tiny\.gguf \[.*\] 100% \| 2\.0 KB\/2\.0 KB/);
  });

  it('formats bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });
});
