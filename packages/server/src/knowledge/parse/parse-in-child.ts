import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { AppError, type ChunkOptions, type ErrorCode } from '@qiao/core';
import type { IndexableDocument } from './indexable-document';
import { type ParseLimits, rssHeadroomMb } from './parse-limits';
import { parseSlot } from './parse-slots';
import type { ParsedDocument, ParseInput } from './parsed-document';
import { takeParserProcess, warmParserProcess } from './parser-process';

const watchEveryMs = 200;

export type ParserStop = 'memory' | 'time' | 'crash';

type Answer<T> = { ok: true; document: T } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * Parses a document in a process of its own, with a V8 heap of `maxMemoryMb`, its resident
 * memory watched, and a wall-clock limit: a document that exhausts any of them ends that
 * process, never the server's, and comes back as a 413 whose details say `parserStopped`.
 */
export function parseInChild(
  input: ParseInput,
  options: { ocr?: boolean; signal?: AbortSignal },
  limits: ParseLimits,
): Promise<ParsedDocument> {
  return inSlot(input, options, limits);
}

/** parseInChild, and the chunks and text hash of the result, computed in that process too. */
export function indexInChild(
  input: ParseInput,
  options: { ocr?: boolean; signal?: AbortSignal; chunking: ChunkOptions },
  limits: ParseLimits,
): Promise<IndexableDocument> {
  return inSlot(input, options, limits);
}

async function inSlot<T>(input: ParseInput, options: ChildOptions, limits: ParseLimits): Promise<T> {
  const release = await parseSlot(limits.concurrency, options.signal);
  try {
    return await runChild<T>(input, options, limits);
  } finally {
    release();
  }
}

type ChildOptions = { ocr?: boolean; signal?: AbortSignal; chunking?: ChunkOptions };

function runChild<T>(input: ParseInput, options: ChildOptions, limits: ParseLimits): Promise<T> {
  options.signal?.throwIfAborted();
  const { child, stderr } = takeParserProcess(limits.maxMemoryMb);
  warmParserProcess(limits.maxMemoryMb);
  return new Promise<T>((resolve, reject) => {
    let stop: ParserStop | undefined;
    let answered = false;
    const kill = (why?: ParserStop) => {
      stop ??= why;
      killGroup(child);
    };
    const timer = setTimeout(() => kill('time'), limits.timeoutMs);
    const watch = setInterval(() => {
      void residentMb(child.pid).then((mb) => {
        if (mb > limits.maxMemoryMb + rssHeadroomMb) kill('memory');
      });
    }, watchEveryMs);
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      clearInterval(watch);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.once('message', (answer: Answer<T>) => {
      answered = true;
      done();
      if (answer.ok) resolve(answer.document);
      else reject(new AppError(answer.error.code, answer.error.message));
    });
    child.once('error', (error) => {
      done();
      kill();
      reject(
        new AppError('internal', `The document parser could not start: ${error.message}`, { cause: error }),
      );
    });
    child.once('exit', (code, signal) => {
      done();
      if (answered) return;
      if (options.signal?.aborted) return reject(options.signal.reason);
      const why = stop ?? (/heap limit|out of memory|Allocation failed/i.test(stderr()) ? 'memory' : 'crash');
      reject(parserStopped(input.filename, why, limits, signal ?? `exit code ${code}`));
    });
    child.send({ input, options: { ocr: options.ocr, limits }, chunking: options.chunking }, (error) => {
      if (error && !answered) kill('crash');
    });
  });
}

export function parserStopped(filename: string, why: ParserStop, limits: ParseLimits, exit = ''): AppError {
  const message = {
    memory: `${filename} could not be parsed: it needs more than the ${limits.maxMemoryMb} MB of memory a document may use`,
    time: `${filename} could not be parsed: it took longer than ${Math.round(limits.timeoutMs / 1000)} s, the time a document may take`,
    crash: `${filename} could not be parsed: the parser stopped unexpectedly${exit ? ` (${exit})` : ''}`,
  }[why];
  return new AppError('payload_too_large', message, { details: { parserStopped: why } });
}

export function isParserStopped(error: AppError): boolean {
  return typeof error.details?.parserStopped === 'string';
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

// Linux: the second field of statm is resident pages; elsewhere the heap limit alone applies
async function residentMb(pid: number | undefined): Promise<number> {
  if (pid === undefined || process.platform !== 'linux') return 0;
  const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '');
  return (Number(statm.split(' ')[1]) * 4096) / 1024 / 1024 || 0;
}
