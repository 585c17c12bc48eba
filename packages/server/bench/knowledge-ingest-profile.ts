import { PGlite } from '@electric-sql/pglite';
import { chunkDocument } from '@qiao/core';
import { analyseChunks, writeAnalysedChunks } from '../src/knowledge/chunk-writer';
import { addDocument } from '../src/knowledge/document-store';
import { createKnowledgeBase } from '../src/knowledge/kb-store';
import { parseDocument } from '../src/knowledge/parse/parse-document';
import { createUser } from '../src/users/user-store';
import { createTestDatabase } from '../test/helpers/test-database';
import { generateCorpus } from './knowledge-corpus';

/**
 * `npx tsx bench/knowledge-ingest-profile.ts [MB]`: where ingestion time goes, stage by stage
 * (parse, chunk, segmentation, database writes), on an in-memory database in this process.
 */
const mb = Number(process.argv[2] ?? 1);
const statements = timeStatements();
const database = await createTestDatabase();
const { db } = database;
const user = await createUser(db, { username: 'profile', password: 'profile-password-1' });
const kb = await createKnowledgeBase(db, user.id, { name: 'profile' });
const time = { parse: 0, chunk: 0, analyse: 0, write: 0 };
const lap = async <T>(stage: keyof typeof time, run: () => Promise<T> | T): Promise<T> => {
  const started = performance.now();
  const result = await run();
  time[stage] += performance.now() - started;
  return result;
};
let chunkCount = 0;
const corpus = generateCorpus(mb * 1024 * 1024);
for (const [n, doc] of corpus.entries()) {
  const bytes = new TextEncoder().encode(doc.text);
  const row = await addDocument(db, {
    kbId: kb.id,
    name: doc.name,
    contentHash: `p${n}`,
    sizeBytes: bytes.length,
  });
  const parsed = await lap('parse', () => parseDocument({ bytes, filename: doc.name }, {}));
  const chunks = await lap('chunk', () =>
    chunkDocument(parsed.sections, { targetChars: 600, overlapChars: 80 }),
  );
  for (let start = 0; start < chunks.length; start += 64) {
    const batch = chunks
      .slice(start, start + 64)
      .map((c) => ({ index: c.index, text: c.text, headingPath: c.headingPath }));
    const analysed = await lap('analyse', () => analyseChunks(batch));
    await lap('write', () => writeAnalysedChunks(db, { kbId: kb.id, documentId: row.id }, analysed));
  }
  chunkCount += chunks.length;
}
const total = Object.values(time).reduce((a, b) => a + b, 0);
console.log(
  `${mb} MB, ${chunkCount} chunks, ${(total / 1000).toFixed(1)} s: ` +
    Object.entries(time)
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)} s (${((ms / total) * 100).toFixed(0)}%)`)
      .join(', '),
);
const top = [...statements.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log(
  `database time by statement: ${top.map(([text, ms]) => `${(ms / 1000).toFixed(2)} s ${text}`).join('\n  ')}`,
);
await database.close();

/**
 * Database time per statement: every protocol message sent to PGlite is timed and charged to
 * the statement last parsed (a Parse message carries its text), keyed by its first words.
 */
function timeStatements(): Map<string, number> {
  const spent = new Map<string, number>();
  const prototype = PGlite.prototype as unknown as Record<
    'execProtocol' | 'execProtocolStream',
    (message: Uint8Array, options?: unknown) => Promise<unknown>
  >;
  let current = '(other)';
  for (const method of ['execProtocol', 'execProtocolStream'] as const) {
    const original = prototype[method];
    prototype[method] = async function (this: unknown, message: Uint8Array, options?: unknown) {
      if (message[0] === 0x50) {
        const nameEnd = message.indexOf(0, 5);
        const text = new TextDecoder().decode(message.subarray(nameEnd + 1, message.indexOf(0, nameEnd + 1)));
        current = text.replace(/\s+/g, ' ').trim().slice(0, 60);
      }
      const started = performance.now();
      try {
        return await original.call(this, message, options);
      } finally {
        spent.set(current, (spent.get(current) ?? 0) + performance.now() - started);
      }
    };
  }
  return spent;
}
