import { AppError } from '@qiao/core';
import type { Command } from 'commander';
import type { CliBackend } from './cli-backend';
import type { CliContext } from './cli-context';
import { withBackend } from './with-backend';

export function chatCommand(program: Command, ctx: CliContext): void {
  program
    .command('chat')
    .description('ask one question and stream the answer')
    .argument('<message...>', 'what to ask')
    .option('-m, --model <id>', 'provider/model id or alias (default: QIAO_DEFAULT_MODEL or the first model)')
    .action(async (words: string[], options: { model?: string }) => {
      const config = ctx.config();
      await withBackend(ctx, async (backend) => {
        const model = options.model ?? config.defaultModel ?? (await firstChatModel(backend));
        let answered = false;
        try {
          for await (const text of backend.chat({ model, message: words.join(' '), signal: ctx.signal })) {
            ctx.out(text);
            answered = true;
          }
        } catch (error) {
          // the error line goes to stderr; end the partial answer so the terminal stays tidy
          if (answered) ctx.out('\n');
          throw error;
        }
        ctx.out('\n');
      });
    });
}

async function firstChatModel(backend: CliBackend): Promise<string> {
  const model = (await backend.listModels()).find((candidate) => candidate.kind !== 'embedding');
  if (!model) {
    throw new AppError(
      'model_not_found',
      'No model to chat with: pass --model, set QIAO_DEFAULT_MODEL, or configure a provider (see `qiao doctor`)',
    );
  }
  return model.id;
}
