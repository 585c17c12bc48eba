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
    .description(
      'search a knowledge base: relevance 0–1 per passage, and which ones chat would not use (below the threshold)',
    )
    .requiredOption('--kb <name>', 'knowledge base name')
    .option('--top-k <k>', 'how many passages', (value) => Number.parseInt(value, 10))
    .option(
      '--json',
      'print [{text, relevance, passesThreshold, score, source: {document, page?, heading?}}] (score: the ranking score, kept for compatibility)',
    )
    .argument('<query>')
    .action(async (query: string, options: { kb: string; topK?: number; json?: boolean }) => {
      const result = await withKb((k) => k.search(options.kb, query, options.topK));
      if (options.json) return ctx.out(`${JSON.stringify(result.hits.map(toJsonHit), null, 2)}\n`);
      if (result.hits.length === 0) return ctx.out('Nothing found\n');
      if (result.scoreThreshold !== undefined)
        ctx.out(`relevance 0–1; chat uses passages at or above ${result.scoreThreshold.toFixed(2)}\n\n`);
      for (const [i, hit] of result.hits.entries()) ctx.out(formatHit(hit, i + 1));
    });
}

/** The bilingual mark the hit test shows too: this passage would not reach a chat. */
export const belowThresholdMark = '低于阈值，不会用于对话 / below threshold: chat will not use it';

function formatHit(hit: SearchHit, rank: number): string {
  const where = [hit.source.document, hit.source.page ? `p.${hit.source.page}` : '', hit.source.heading ?? '']
    .filter(Boolean)
    .join(' · ');
  const mark = hit.passesThreshold === false ? `  [${belowThresholdMark}]` : '';
  return `[${rank}] ${relevanceOf(hit).toFixed(2)}  ${where}${mark}\n${hit.text}\n\n`;
}

// a server from before relevance existed sends only the ranking score
const relevanceOf = (hit: SearchHit) => hit.relevance ?? hit.score;

function toJsonHit(hit: SearchHit) {
  const { document, page, heading } = hit.source;
  return {
    text: hit.text,
    relevance: relevanceOf(hit),
    passesThreshold: hit.passesThreshold ?? true,
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
