import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, type KbDocumentDto, type SearchHit } from '@qiao/core';
import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import type { KbCliBackend } from './kb-cli-backend';
import { kbIngestProgress } from './kb-ingest-progress';
import { withBackend } from './with-backend';

/** `qiao kb`: knowledge bases from the terminal (DESIGN.md §3). */
export function kbCommand(program: Command, ctx: CliContext): void {
  const kb = program.command('kb').description('knowledge bases: create, ingest documents, search');
  const withKb = <T>(work: (backend: KbCliBackend) => Promise<T>) =>
    withBackend(ctx, async (backend) => {
      const knowledge = backend.knowledge();
      try {
        return await work(knowledge);
      } finally {
        await knowledge.close();
      }
    });

  kb.command('create')
    .description('create a knowledge base (owned by the first admin)')
    .argument('<name>')
    .action(async (name: string) => {
      const created = await withKb((k) => k.create(name));
      ctx.out(`Created knowledge base "${created.name}" (${created.id})\n`);
    });

  kb.command('list')
    .description('list knowledge bases')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await withKb((k) => k.list());
      if (options.json) return ctx.out(`${JSON.stringify(list, null, 2)}\n`);
      if (list.length === 0) return ctx.out('No knowledge bases yet: `qiao kb create NAME`\n');
      for (const item of list)
        ctx.out(`${item.name}\t${item.documentCount} documents\t${item.chunkCount} chunks\n`);
    });

  kb.command('delete')
    .description('delete a knowledge base with its documents')
    .argument('<name>')
    .action(async (name: string) => {
      await withKb((k) => k.remove(name));
      ctx.out(`Deleted knowledge base "${name}"\n`);
    });

  kb.command('ingest')
    .description('add documents and wait until they are indexed (progress on stderr)')
    .requiredOption('--kb <name>', 'knowledge base name')
    .argument('<paths...>', 'files: pdf, docx, xlsx, csv, md, txt, html, images')
    .action(async (paths: string[], options: { kb: string }) => {
      const results = await withKb((k) => ingest(ctx, k, options.kb, paths));
      const failed = results.filter((doc) => doc.status === 'failed');
      for (const doc of results) {
        ctx.out(
          `${doc.status.padEnd(9)} ${doc.name}${doc.error ? ` — ${doc.error}` : ` (${doc.chunkCount} chunks)`}\n`,
        );
      }
      if (failed.length > 0)
        throw new AppError('bad_request', `${failed.length} of ${results.length} documents failed`);
    });

  kb.command('search')
    .description('search a knowledge base')
    .requiredOption('--kb <name>', 'knowledge base name')
    .option('--top-k <k>', 'how many passages', (value) => Number.parseInt(value, 10))
    .option('--json', 'print [{text, score, source: {document, page?, heading?}}]')
    .argument('<query>')
    .action(async (query: string, options: { kb: string; topK?: number; json?: boolean }) => {
      const hits = await withKb((k) => k.search(options.kb, query, options.topK));
      if (options.json) return ctx.out(`${JSON.stringify(hits.map(toJsonHit), null, 2)}\n`);
      if (hits.length === 0) return ctx.out('Nothing found\n');
      hits.forEach((hit, i) => {
        const where = [
          hit.source.document,
          hit.source.page ? `p.${hit.source.page}` : '',
          hit.source.heading ?? '',
        ]
          .filter(Boolean)
          .join(' · ');
        ctx.out(`[${i + 1}] ${hit.score.toFixed(3)}  ${where}\n${hit.text}\n\n`);
      });
    });
}

function toJsonHit(hit: SearchHit) {
  const { document, page, heading } = hit.source;
  return {
    text: hit.text,
    score: hit.score,
    source: { document, ...(page !== undefined ? { page } : {}), ...(heading ? { heading } : {}) },
  };
}

const settled = new Set(['ready', 'failed', 'cancelled']);

async function ingest(
  ctx: CliContext,
  k: KbCliBackend,
  kb: string,
  paths: string[],
): Promise<KbDocumentDto[]> {
  const docs: KbDocumentDto[] = [];
  for (const path of paths) {
    const bytes = await readFile(path).catch((error: unknown) => {
      throw new AppError('not_found', `Cannot read ${path}: ${(error as Error).message}`);
    });
    try {
      docs.push(await k.upload(kb, { name: basename(path), bytes }));
    } catch (error) {
      if (!AppError.is(error) || error.code !== 'conflict') throw error;
      ctx.err(`skipped   ${basename(path)} — ${error.message}\n`);
    }
  }
  const progress = kbIngestProgress(docs.length);
  try {
    let current = docs;
    while (!current.every((doc) => settled.has(doc.status))) {
      if (ctx.signal.aborted)
        throw new AppError('cancelled', 'Stopped waiting; indexing continues where it runs');
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = await Promise.all(
        current.map((doc) => (settled.has(doc.status) ? doc : k.document(kb, doc.id))),
      );
      progress.update(current);
    }
    progress.update(current);
    return current;
  } finally {
    progress.stop();
  }
}
