import type { UsageReport } from '@qiao/core';
import { type Command, Option } from 'commander';
import type { CliContext } from './cli-context';
import { formatUsage, type UsageRows } from './format-usage';
import { withBackend } from './with-backend';

/** `qiao usage`: requests, tokens, cost and latency from the request log, as the admin Usage tab shows them. */
export function usageCommand(program: Command, ctx: CliContext): void {
  program
    .command('usage')
    .description('requests, tokens, cost and latency per model, user or day')
    .option('--days <n>', 'the last N days, today included', '30')
    .option('--tz <zone>', 'IANA time zone whose midnight starts a day', 'UTC')
    .addOption(new Option('--by <rows>', 'one row per').choices(['model', 'user', 'day']).default('model'))
    .option('--json', 'print the report as JSON')
    .action(async (options: { days: string; tz: string; by: UsageRows; json?: boolean }) => {
      const query = new URLSearchParams({ days: options.days, tz: options.tz });
      const report = await withBackend(ctx, (b) => b.api<UsageReport>('GET', `/api/admin/usage?${query}`));
      ctx.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatUsage(report, options.by));
    });
}
