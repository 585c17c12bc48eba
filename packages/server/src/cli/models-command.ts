import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { modelsPullCommand } from './models-pull-command';
import { withBackend } from './with-backend';

export function modelsCommand(program: Command, ctx: CliContext): void {
  const models = program
    .command('models')
    .description('list the provider/model ids available with this configuration')
    .option('--json', 'print a JSON array of {id, provider, kind}')
    .action(async (options: { json?: boolean }) => {
      const list = await withBackend(ctx, (backend) => backend.listModels());
      if (options.json) ctx.out(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length > 0) ctx.out(`${list.map((model) => model.id).join('\n')}\n`);
      else
        ctx.err(
          'No models: set a provider key (e.g. OPENAI_API_KEY) or QIAO_LOCAL_MODEL, or run `qiao doctor`\n',
        );
    });
  modelsPullCommand(models, ctx);
}
