import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { parsePort } from './parse-port';
import { waitForAbort } from './wait-for-abort';

export function serveCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the UI and the API')
    .option('-p, --port <port>', 'port to listen on, 0 for any free one (default: PORT or 3000)', parsePort)
    .option('-H, --host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .action(async (options: { port?: number; host?: string }) => {
      const config = { ...ctx.config(), ...stripUndefined(options) };
      const { startServer } = await import('../server/start-server');
      const server = await startServer(config, { log: (line) => ctx.out(`${line}\n`) });
      await waitForAbort(ctx.signal);
      ctx.err('Shutting down…\n');
      await server.close();
    });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
