import { Command } from 'commander';
import { agentCommand } from './agent-command';
import { chatCommand } from './chat-command';
import type { CliContext } from './cli-context';
import { doctorCommand } from './doctor-command';
import { kbCommand } from './kb-command';
import { keysCommand } from './keys-command';
import { modelsCommand } from './models-command';
import { serveCommand } from './serve-command';
import { usageCommand } from './usage-command';
import { usersCommand } from './users-command';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('qiao')
    .description('Qiao (桥): a self-hosted LLM platform')
    .showHelpAfterError('(run `qiao --help` for usage)')
    // actions throw AppErrors; main prints them as one line instead of commander
    .exitOverride();
  serveCommand(program, ctx);
  usersCommand(program, ctx);
  keysCommand(program, ctx);
  kbCommand(program, ctx);
  modelsCommand(program, ctx);
  chatCommand(program, ctx);
  agentCommand(program, ctx);
  doctorCommand(program, ctx);
  usageCommand(program, ctx);
  return program;
}
