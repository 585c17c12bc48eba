import { AppError } from '@qiao/core';
import type { Command } from 'commander';
import type { Config } from '../config';
import { listLocalModels } from '../local/list-local-models';
import { readLiveLock } from '../server/data-dir-lock';
import { checkPostgres, checkRedis, redactUrl } from './check-services';
import type { CliContext } from './cli-context';
import { formatTable } from './format-table';
import type { Timed } from './timed';
import { withBackend } from './with-backend';

export function doctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('check the configuration, the database and every provider')
    .action(async () => {
      const config = ctx.config();
      const [database, redis] = await Promise.all([
        config.databaseUrl ? checkPostgres(config.databaseUrl) : undefined,
        config.redisUrl ? checkRedis(config.redisUrl) : undefined,
      ]);
      ctx.out(`${formatTable(summary(config, database, redis))}\n\n`);

      const checks = await withBackend(ctx, (backend) => backend.checkProviders());
      ctx.out('Providers\n');
      if (checks.length === 0)
        ctx.out('  none configured: set e.g. OPENAI_API_KEY, or add one in the admin UI\n');
      const rows = checks.map((check) => [
        check.provider,
        check.ok ? 'ok' : 'error',
        `${check.latencyMs} ms`,
        check.ok ? `${check.models ?? 0} models` : (check.error ?? ''),
      ]);
      if (rows.length > 0) ctx.out(`${formatTable(rows, '  ')}\n`);

      const local = listLocalModels(config);
      ctx.out('\nLocal models\n');
      ctx.out(
        local.length > 0
          ? `${formatTable(
              local.map((model) => [model.id, model.path]),
              '  ',
            )}\n`
          : '  none: set QIAO_LOCAL_MODEL or run `qiao models pull NAME`\n',
      );

      const failed =
        checks.filter((check) => !check.ok).length + [database, redis].filter((c) => c?.error).length;
      // one error line and a non-zero exit, so scripts and CI can gate on doctor
      if (failed > 0)
        throw new AppError('upstream_error', `${failed} check${failed === 1 ? '' : 's'} failed`);
    });
}

function summary(config: Config, database?: Timed<void>, redis?: Timed<void>): string[][] {
  const server = config.databaseUrl ? undefined : readLiveLock(config.dataDir);
  return [
    ['data dir', config.dataDir],
    [
      'database',
      config.databaseUrl
        ? `Postgres ${redactUrl(config.databaseUrl)} ${outcome(database)}`
        : `embedded PGlite in ${config.dataDir}/db`,
    ],
    [
      'server',
      server
        ? `${server.kind === 'server' ? 'running' : `busy (${server.kind})`}, pid ${server.pid}${server.url ? ` at ${server.url}` : ''}`
        : 'not running',
    ],
    [
      'redis',
      config.redisUrl
        ? `${redactUrl(config.redisUrl)} ${outcome(redis)}`
        : 'not configured (in-process queue)',
    ],
    ['default model', config.defaultModel ?? 'not set (the first available model)'],
    ['local model', config.localModel ?? 'not set'],
  ];
}

function outcome(check?: Timed<void>): string {
  if (!check) return '';
  return check.error ? `error: ${check.error}` : `ok (${check.ms} ms)`;
}
