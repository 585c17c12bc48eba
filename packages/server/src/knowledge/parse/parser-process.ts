import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

const childScript = fileURLToPath(new URL('./parse-process.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ParserProcess {
  child: ChildProcess;
  /** the last few KB it wrote to stderr (V8 says "heap limit" there when it runs out) */
  stderr(): string;
}

let spare: { parser: ParserProcess; memoryMb: number } | undefined;

/**
 * A parser process for one document: the spare one when it was started with the same heap
 * limit and is alive, else a new one. Starting one (Node, tsx, the parsers) takes about a
 * second, which the spare saves the upload that waits for it.
 */
export function takeParserProcess(memoryMb: number): ParserProcess {
  const ready = spare && spare.memoryMb === memoryMb && alive(spare.parser.child) ? spare.parser : undefined;
  if (spare && !ready) spare.parser.child.kill('SIGKILL');
  spare = undefined;
  const parser = ready ?? startParserProcess(memoryMb, false);
  hold(parser.child, true);
  return parser;
}

/** Starts the spare in the background (at start-up, and after one is taken). */
export function warmParserProcess(memoryMb: number): void {
  if (spare && spare.memoryMb === memoryMb && alive(spare.parser.child)) return;
  spare?.parser.child.kill('SIGKILL');
  const parser = startParserProcess(memoryMb, true);
  // an idle spare must not keep a process (a CLI command, a test run) from exiting
  hold(parser.child, false);
  parser.child.once('exit', () => {
    if (spare?.parser === parser) spare = undefined;
  });
  spare = { parser, memoryMb };
}

function startParserProcess(memoryMb: number, preload: boolean): ParserProcess {
  const child = fork(childScript, preload ? ['--preload'] : [], {
    execArgv: ['--import', tsxLoader, `--max-old-space-size=${memoryMb}`, '--max-semi-space-size=16'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // its own process group, so a kill reaches tesseract too
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  child.on('error', () => {}); // a failed spawn shows as an exit, which the caller handles
  return { child, stderr: () => stderr };
}

function hold(child: ChildProcess, held: boolean): void {
  const handles = [child, child.channel, child.stderr as Socket | null];
  for (const handle of handles) {
    if (held) handle?.ref?.();
    else handle?.unref?.();
  }
}

const alive = (child: ChildProcess) =>
  child.exitCode === null && child.signalCode === null && child.connected;
