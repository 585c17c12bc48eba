import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { withBackend } from './with-backend';

export function usersCommand(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('manage user accounts');
  users
    .command('create')
    .description('create a user')
    .requiredOption('--name <username>', 'user name')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--admin', 'make the user an administrator', false)
    .action(async (options: { name: string; password: string; admin: boolean }) => {
      const user = await withBackend(ctx, (backend) =>
        backend.createUser({ username: options.name, password: options.password, admin: options.admin }),
      );
      ctx.out(`Created ${roleWord[user.role] ?? 'user'} "${user.username}"\n`);
    });
}

const roleWord: Record<string, string> = { owner: 'administrator (owner)', admin: 'administrator' };
