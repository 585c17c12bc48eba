import { readFileSync } from 'node:fs';
import { type AgentDto, type AgentExport, type AgentSpec, AppError, agentExport } from '@qiao/core';
import type { Command } from 'commander';
import { parseWith } from '../http/parse-with';
import type { CliContext } from './cli-context';
import { formatTable } from './format-table';
import { withBackend } from './with-backend';

type Lang = 'zh-CN' | 'en';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `qiao agent list|show|create|export|import`, all through the REST API (JSON in, JSON out). */
export function agentCommand(program: Command, ctx: CliContext): void {
  const agent = program.command('agent').description('manage agents (智能体)');

  agent
    .command('list')
    .description('your agents and the ones shared with you; --plaza for the agent plaza')
    .option('--plaza', 'list the plaza (built-in and approved agents)')
    .option('--lang <lang>', 'zh-CN or en (plaza texts)', 'zh-CN')
    .option('--json', 'print JSON')
    .action(async (options: { plaza?: boolean; lang: Lang; json?: boolean }) => {
      const path = options.plaza ? `/api/plaza?lang=${options.lang}` : '/api/agents';
      const { agents } = await withBackend(ctx, (b) => b.api<{ agents: AgentDto[] }>('GET', path));
      if (options.json) return ctx.out(json(agents));
      if (agents.length === 0) return ctx.err('No agents yet: `qiao agent create --idea "..."` drafts one\n');
      ctx.out(
        `${formatTable(agents.map((a) => [`agent/${a.slug}`, a.category, a.visibility, `${a.avatar} ${a.name}`]))}\n`,
      );
    });

  agent
    .command('show <slug>')
    .description('print an agent as JSON')
    .option('--lang <lang>', 'zh-CN or en (built-in agents)', 'zh-CN')
    .action(async (slug: string, options: { lang: Lang }) => {
      const found = await withBackend(ctx, (b) =>
        b.api<AgentDto>('GET', `/api/agents/${encodeURIComponent(slug)}?lang=${options.lang}`),
      );
      ctx.out(json(found));
    });

  agent
    .command('create')
    .description('create an agent from flags, from a JSON file, or drafted by a model from one sentence')
    .option('--name <name>', 'display name')
    .option('--persona <text>', 'system prompt')
    .option('--model <id>', 'provider/model the agent uses (and drafts with, for --idea)')
    .option('--slug <slug>', 'id in agent/<slug>')
    .option('--file <path>', 'a JSON agent (an export, or the fields of one)')
    .option('--idea <sentence>', 'describe the agent in one sentence; a model drafts it')
    .action(
      async (options: {
        name?: string;
        persona?: string;
        model?: string;
        slug?: string;
        file?: string;
        idea?: string;
      }) => {
        const created = await withBackend(ctx, async (b) => {
          let spec: Partial<AgentSpec> = {};
          if (options.file) spec = readAgentFile(options.file).agent;
          if (options.idea) {
            spec = (
              await b.api<{ draft: AgentSpec }>('POST', '/api/agents/draft', {
                idea: options.idea,
                model: options.model,
              })
            ).draft;
          }
          if (options.name) spec.name = options.name;
          if (options.persona) spec.persona = options.persona;
          if (options.model) spec.model = options.model;
          if (!spec.name) throw new AppError('validation_failed', 'Give --name, --file or --idea');
          return b.api<AgentDto>('POST', '/api/agents', { ...spec, slug: options.slug });
        });
        ctx.out(json(created));
        ctx.err(`Created agent/${created.slug}\n`);
      },
    );

  agent
    .command('export <slug>')
    .description('print a portable JSON file of an agent (qiao.agent/v1)')
    .option('--lang <lang>', 'zh-CN or en (built-in agents)', 'zh-CN')
    .action(async (slug: string, options: { lang: Lang }) => {
      const file = await withBackend(ctx, (b) =>
        b.api<AgentExport>('GET', `/api/agents/${encodeURIComponent(slug)}/export?lang=${options.lang}`),
      );
      ctx.out(json(file));
    });

  agent
    .command('import <file>')
    .description('create an agent from a file written by `qiao agent export`')
    .action(async (path: string) => {
      const file = readAgentFile(path);
      const created = await withBackend(ctx, (b) => b.api<AgentDto>('POST', '/api/agents/import', file));
      ctx.out(json(created));
      ctx.err(`Imported agent/${created.slug}\n`);
    });
}

/** An export file, or a bare agent object (the fields of one), validated before anything is sent. */
function readAgentFile(path: string): AgentExport {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('bad_request', `${path} is not a readable JSON file: ${(error as Error).message}`);
  }
  const wrapped =
    value && typeof value === 'object' && 'format' in value
      ? value
      : { format: 'qiao.agent/v1', agent: value };
  return parseWith(agentExport, wrapped);
}
