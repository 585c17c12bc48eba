import { AppError } from '@qiao/core';
import type { Command } from 'commander';
import type { CliBackend } from './cli-backend';
import type { CliContext } from './cli-context';
import { kbChat } from './kb-chat';
import { withBackend } from './with-backend';

export function chatCommand(program: Command, ctx: CliContext): void {
  program
    .command('chat')
    .description(
      'ask one question and stream the answer (with --kb: grounded in knowledge bases, then the sources)',
    )
    .argument('<message...>', 'what to ask')
    .option('-m, --model <id>', 'provider/model id or alias (default: QIAO_DEFAULT_MODEL or the first model)')
    .option(
      '--kb <name>',
      'answer from this knowledge base, citing [n] and listing the sources (repeat for several)',
      (name: string, names: string[]) => [...names, name],
      [] as string[],
    )
    .action(async (words: string[], options: { model?: string; kb: string[] }) => {
      const config = ctx.config();
      await withBackend(ctx, async (backend) => {
        if (options.kb.length > 0) {
          // no model given: the server's default, or retrieval mode (the passages) without one
          const model = options.model ?? config.defaultModel;
          return kbChat(ctx, backend, { message: words.join(' '), kbs: options.kb, model });
        }
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
