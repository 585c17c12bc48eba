import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { withBackend } from './with-backend';

export function keysCommand(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .description('create an API key; the key is the last line of the output')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--user <username>', 'owner of the key (default: the first administrator)')
    .action(async (options: { name: string; user?: string }) => {
      const created = await withBackend(ctx, (backend) =>
        backend.createApiKey({ name: options.name, username: options.user }),
      );
      const owner = created.username ? ` for "${created.username}"` : '';
      // scripts take the last line, so nothing may follow the key
      ctx.out(`Created API key "${created.name}"${owner}. It is shown only this once:\n${created.key}\n`);
    });
}
