import { AppError, apiKeyScopes, createApiKeyBody } from '@qiao/core';
import type { Command } from 'commander';
import { parseWith } from '../http/parse-with';
import type { CliContext } from './cli-context';
import { withBackend } from './with-backend';

interface KeyOptions {
  name: string;
  user?: string;
  scopes?: string;
  expires?: string;
  models?: string;
  ips?: string;
  dailyRequests?: string;
  dailyTokens?: string;
  rateLimit?: string;
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

const int = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError('validation_failed', `${flag} must be a whole number`);
  return Number(value);
};

/** `--expires 30d`, `12h` or an ISO date. */
export function parseExpiry(value: string | undefined, now = Date.now()): Date | undefined {
  if (value === undefined) return undefined;
  const relative = /^(\d+)([dh])$/.exec(value);
  if (relative) return new Date(now + Number(relative[1]) * (relative[2] === 'd' ? 86_400_000 : 3_600_000));
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new AppError('validation_failed', '--expires takes 30d, 12h or an ISO date (2027-01-31)');
  }
  return date;
}

export function keysCommand(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .description('create an API key; the key is the last line of the output')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--user <username>', 'owner of the key (default: the first administrator)')
    .option('--scopes <list>', `comma-separated, of: ${apiKeyScopes.join(', ')} (default: all)`)
    .option('--expires <when>', 'expiry: 30d, 12h or an ISO date (default: never)')
    .option('--models <list>', 'comma-separated model ids or provider/* patterns the key may use')
    .option('--ips <list>', 'comma-separated CIDR blocks the key may be used from')
    .option('--daily-requests <n>', 'requests per UTC day')
    .option('--daily-tokens <n>', 'input + output tokens per UTC day')
    .option('--rate-limit <n>', 'requests per minute')
    .action(async (options: KeyOptions) => {
      const body = parseWith(createApiKeyBody, {
        name: options.name,
        username: options.user,
        scopes: list(options.scopes),
        expiresAt: parseExpiry(options.expires),
        models: list(options.models),
        ips: list(options.ips),
        dailyRequests: int(options.dailyRequests, '--daily-requests'),
        dailyTokens: int(options.dailyTokens, '--daily-tokens'),
        rateLimit: int(options.rateLimit, '--rate-limit'),
      });
      const created = await withBackend(ctx, (backend) => backend.createApiKey(body));
      const owner = created.username ? ` for "${created.username}"` : '';
      // scripts take the last line, so nothing may follow the key
      ctx.out(`Created API key "${created.name}"${owner}. It is shown only this once:\n${created.key}\n`);
    });
}
