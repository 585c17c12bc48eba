import type { KbDocumentDto } from '@qiao/core';
import cliProgress from 'cli-progress';

/**
 * One bar over all documents (each counts 100) on a terminal; nothing on pipes, where the
 * final per-document lines say enough.
 */
export function kbIngestProgress(count: number, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY || count === 0) return { update: (_docs: KbDocumentDto[]) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'indexing [{bar}] {percentage}% | {done}/{count} documents | {current}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(count * 100, 0, { done: 0, count, current: '' });
  return {
    update(docs: KbDocumentDto[]) {
      const finished = docs.filter((doc) => ['ready', 'failed', 'cancelled'].includes(doc.status));
      const value = docs.reduce(
        (sum, doc) => sum + (finished.includes(doc) ? 100 : Math.round(doc.progress * 100)),
        0,
      );
      const running = docs.find((doc) => doc.status === 'parsing' || doc.status === 'indexing');
      bar.update(value, { done: finished.length, count, current: running?.name ?? '' });
    },
    stop: () => bar.stop(),
  };
}
