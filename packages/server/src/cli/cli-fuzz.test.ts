import { AppError } from '@qiao/core';
import { type Command, CommanderError } from 'commander';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildProgram } from './build-program';
import type { CliContext } from './cli-context';

/**
 * Fuzzing of the `qiao` argument parser (fast-check): argument lists built from the real
 * commands and flags mixed with arbitrary strings. Every outcome must be one of the two that
 * main.ts turns into a readable line and a non-zero exit — commander's own usage error, or an
 * AppError — never another exception. Configuration is refused up front, so no command reaches
 * a database, a server or the network.
 */
const seed = Number(process.env.QIAO_FUZZ_SEED ?? 20261129);
const runs = Number(process.env.QIAO_FUZZ_RUNS ?? 8) * 60;

function fuzzContext(): CliContext {
  const refuse = () => {
    throw new AppError('validation_failed', 'fuzzing: no configuration');
  };
  return {
    config: refuse,
    loadedConfig: () => undefined,
    signal: new AbortController().signal,
    out: () => {},
    err: () => {},
  };
}

function quiet(command: Command): Command {
  command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const sub of command.commands) quiet(sub);
  return command;
}

interface Leaf {
  path: string[];
  flags: string[];
}

/** Every command that runs something, with the words that reach it and its flags. */
function leaves(command: Command, path: string[] = []): Leaf[] {
  const flags = command.options.flatMap((option) =>
    [option.long, option.short].filter((f) => f !== undefined),
  );
  const here = command.commands.length === 0 ? [{ path, flags }] : [];
  return [...here, ...command.commands.flatMap((sub) => leaves(sub, [...path, sub.name()]))];
}

const commands = leaves(buildProgram(fuzzContext()));
const words = [...new Set(commands.flatMap((leaf) => [...leaf.path, ...leaf.flags]))];
const argument = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...words) },
  fc.string({ maxLength: 30 }),
  fc.constantFrom('--', '-', '-1', '0', '65536', '3000', 'NaN', '1e9', '--port=', '--top-k=-5', ''),
  fc.integer().map(String),
);

/** Mostly a real command with its own flags and arbitrary values; sometimes anything at all. */
const argv = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...commands)
      .chain((leaf) =>
        fc
          .array(fc.oneof(fc.constantFrom('--help', ...leaf.flags), argument), { maxLength: 6 })
          .map((rest) => [...leaf.path, ...rest]),
      ),
  },
  fc.array(argument, { maxLength: 7 }),
);

test('the CLI parser, fuzzed: only usage errors or AppErrors, never a crash', async () => {
  const outcomes = { ok: 0, usage: 0, app: 0 };
  await fc.assert(
    fc.asyncProperty(argv, async (argv) => {
      try {
        await quiet(buildProgram(fuzzContext())).parseAsync(['node', 'qiao', ...argv]);
        outcomes.ok++;
      } catch (error) {
        if (error instanceof CommanderError) outcomes.usage++;
        else if (error instanceof AppError && error.code !== 'internal') outcomes.app++;
        else throw error;
      }
    }),
    { seed, numRuns: runs },
  );
  console.log(`CLI fuzzing: ${runs} argument lists (seed ${seed}): ${JSON.stringify(outcomes)}`);
  expect(outcomes.usage + outcomes.app + outcomes.ok).toBe(runs);
}, 120_000);
