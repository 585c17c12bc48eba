import { CommanderError } from 'commander';
import { buildProgram } from './build-program';
import { createCliContext } from './cli-context';
import { formatError } from './report-error';

/** Entry of `qiao` (bin/qiao.js): every failure ends as one line on stderr and a non-zero exit. */
async function main(argv: string[]): Promise<number> {
  const interrupt = new AbortController();
  const onSignal = () => {
    // a second Ctrl+C means "now", even if shutting down hangs
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const ctx = createCliContext(interrupt.signal);
  try {
    await buildProgram(ctx).parseAsync(argv);
    return 0;
  } catch (error) {
    // commander has already printed its own message (unknown command, missing option, --help)
    if (error instanceof CommanderError) return error.exitCode;
    ctx.err(formatError(error, ctx.loadedConfig()?.logLevel === 'debug'));
    return interrupt.signal.aborted ? 130 : 1;
  }
}

const code = await main(process.argv);
// Pending handles (pools, timers of providers) must not keep a finished command alive.
process.stdout.write('', () => process.exit(code));
