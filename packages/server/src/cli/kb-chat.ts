import {
  AppError,
  type ChatEventMap,
  type ConversationDto,
  type ErrorCode,
  type KnowledgeBaseDto,
  type KnowledgeSource,
} from '@qiao/core';
import type { CliBackend } from './cli-backend';
import type { CliContext } from './cli-context';
import { readSseEvents } from './read-sse-data';

export interface KbChatInput {
  message: string;
  /** knowledge base names */
  kbs: string[];
  /** absent: the server's choice (the default model, or retrieval mode without one) */
  model?: string;
}

/**
 * `qiao chat --kb NAME`: one question answered the way the web chat answers it — a
 * conversation bound to the knowledge bases, the same retrieval, threshold and prompt — then
 * the numbered sources. The conversation is a means, not history: it is deleted afterwards.
 */
export async function kbChat(ctx: CliContext, backend: CliBackend, input: KbChatInput): Promise<void> {
  const kbIds = await idsOf(backend, input.kbs);
  const conversation = await backend.api<ConversationDto>('POST', '/api/conversations', {
    title: `qiao chat --kb ${input.kbs.join(', ')}`.slice(0, 200),
    ...(input.model ? { model: input.model } : {}),
  });
  try {
    await backend.api('PUT', `/api/knowledge-bases/bindings/${conversation.id}`, { knowledgeBaseIds: kbIds });
    const body = await backend.eventStream(
      `/api/conversations/${conversation.id}/messages`,
      { content: input.message, ...(input.model ? { model: input.model } : {}) },
      ctx.signal,
    );
    let sources: KnowledgeSource[] = [];
    let answered = false;
    try {
      for await (const { event, data } of readSseEvents(body)) {
        if (event === 'delta') {
          ctx.out((JSON.parse(data) as ChatEventMap['delta']).text);
          answered = true;
        } else if (event === 'sources') sources = (JSON.parse(data) as ChatEventMap['sources']).sources;
        else if (event === 'error') {
          const error = JSON.parse(data) as ChatEventMap['error'];
          throw new AppError(error.code as ErrorCode, error.message);
        }
      }
    } finally {
      if (answered) ctx.out('\n');
    }
    ctx.out(formatSources(sources));
  } finally {
    await backend.api('DELETE', `/api/conversations/${conversation.id}`).catch(() => {});
  }
}

async function idsOf(backend: CliBackend, names: string[]): Promise<string[]> {
  const { knowledgeBases } = await backend.api<{ knowledgeBases: KnowledgeBaseDto[] }>(
    'GET',
    '/api/knowledge-bases',
  );
  return [...new Set(names)].map((name) => {
    const kb = knowledgeBases.find((candidate) => candidate.name === name);
    if (!kb) throw new AppError('not_found', `No knowledge base named "${name}" (see \`qiao kb list\`)`);
    return kb.id;
  });
}

/** The passages the answer was given, numbered as it cites them, each with a short excerpt. */
export function formatSources(sources: readonly KnowledgeSource[]): string {
  if (sources.length === 0) return '\nSources: none (no passage passed the relevance threshold)\n';
  const lines = sources.map((source) => {
    const where = [source.document, source.page ? `p.${source.page}` : '', source.heading ?? '']
      .filter(Boolean)
      .join(' · ');
    const relevance = source.relevance === undefined ? '' : `  (relevance ${source.relevance.toFixed(2)})`;
    const excerpt = source.text.replace(/\s+/g, ' ').trim();
    return `[${source.index}] ${where}${relevance}\n    ${excerpt.length > 160 ? `${excerpt.slice(0, 159)}…` : excerpt}`;
  });
  return `\nSources:\n${lines.join('\n')}\n`;
}
