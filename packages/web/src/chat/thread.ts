import type { FeedbackDto, FileDto, KnowledgeSource, MessageDto } from '@qiao/core';

/** `interrupted`: the server died mid-answer; the text is what it had kept */
export type UiStatus = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'error';

export interface UiToolCall {
  id: string;
  name: string;
  arguments: string;
  /** what a server-run tool answered (live from `tool_result`, or its stored tool message) */
  result?: { ok: boolean; content: string; sources: { url: string; title?: string }[] };
}

/** A message as the page shows it: a stored MessageDto or one still streaming. */
export interface UiMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  reasoning: string;
  toolCalls: UiToolCall[];
  /** assistant answers point at the user message they answer; siblings are versions */
  parentId: string | null;
  model: string | null;
  status: UiStatus;
  error?: string;
  feedback: FeedbackDto | null;
  attachments: FileDto[];
  /** knowledge-base passages the answer may cite as [n] (streamed; history fetches them) */
  sources?: KnowledgeSource[];
}

/** One line of the transcript: a user message, or the chosen version of an answer. */
export type ThreadRow =
  | { kind: 'user'; id: string }
  | { kind: 'assistant'; id: string; versions: string[]; index: number };

/** A stored answer another tab or process is still writing shows as it stands, like a finished one. */
function uiStatus(status: MessageDto['status']): UiStatus {
  return status === 'stopped' || status === 'interrupted' ? status : 'done';
}

export function fromDto(dto: MessageDto): UiMessage | undefined {
  if (dto.role !== 'user' && dto.role !== 'assistant') return undefined;
  const text =
    typeof dto.content === 'string'
      ? dto.content
      : dto.content
          .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
          .join('');
  return {
    id: dto.id,
    role: dto.role,
    text,
    reasoning: dto.reasoning ?? '',
    toolCalls: dto.toolCalls ?? [],
    parentId: dto.parentId,
    model: dto.model,
    status: uiStatus(dto.status),
    feedback: dto.feedback ?? null,
    attachments: dto.attachments ?? [],
  };
}

/**
 * Tool rounds are stored as assistant messages that point at the answer they led to (and
 * `tool` messages with the results). The page shows an answer once, with the tool calls of
 * its rounds folded into it, as it did while streaming.
 */
export function foldToolSteps(messages: readonly MessageDto[]): MessageDto[] {
  const results = new Map<string, string>();
  for (const m of messages) {
    if (m.role === 'tool' && m.toolCallId)
      results.set(m.toolCallId, typeof m.content === 'string' ? m.content : '');
  }
  const assistants = new Set(messages.filter((m) => m.role === 'assistant').map((m) => m.id));
  const steps = new Map<string, MessageDto['toolCalls'] & object>();
  for (const m of messages) {
    if (m.role !== 'assistant' || !m.parentId || !assistants.has(m.parentId)) continue;
    const calls = (m.toolCalls ?? []).map((call) => {
      const content = results.get(call.id);
      return content === undefined ? call : { ...call, result: { ok: true, content, sources: [] } };
    });
    steps.set(m.parentId, [...(steps.get(m.parentId) ?? []), ...calls]);
  }
  return messages
    .filter((m) => m.role !== 'tool' && !(m.role === 'assistant' && m.parentId && assistants.has(m.parentId)))
    .map((m) => {
      const calls = steps.get(m.id);
      return calls ? { ...m, toolCalls: [...calls, ...(m.toolCalls ?? [])] } : m;
    });
}

/**
 * Orders a flat message list into rows: each user message followed by one of its answers.
 * `selected` maps a user message id to the answer version the reader chose; the newest by default.
 */
export function buildThread(
  messages: readonly Pick<UiMessage, 'id' | 'role' | 'parentId'>[],
  selected: Readonly<Record<string, string>>,
): ThreadRow[] {
  const versions = new Map<string, string[]>();
  for (const m of messages) {
    if (m.role !== 'assistant' || m.parentId === null) continue;
    const list = versions.get(m.parentId) ?? [];
    list.push(m.id);
    versions.set(m.parentId, list);
  }
  const users = new Set(messages.filter((m) => m.role === 'user').map((m) => m.id));
  const rows: ThreadRow[] = [];
  for (const m of messages) {
    if (m.role === 'user') {
      rows.push({ kind: 'user', id: m.id });
      const answers = versions.get(m.id);
      if (!answers) continue;
      const chosen = selected[m.id];
      const index = chosen && answers.includes(chosen) ? answers.indexOf(chosen) : answers.length - 1;
      rows.push({ kind: 'assistant', id: answers[index]!, versions: answers, index });
    } else if (m.parentId === null || !users.has(m.parentId)) {
      rows.push({ kind: 'assistant', id: m.id, versions: [m.id], index: 0 });
    }
  }
  return rows;
}

/** The version `step` away from the shown one, clamped to the ends. */
export function stepVersion(row: { versions: string[]; index: number }, step: number): string {
  const index = Math.min(row.versions.length - 1, Math.max(0, row.index + step));
  return row.versions[index]!;
}

/** A message the client creates before the server names it (the user's turn, the answer to come). */
export function newMessage(
  id: string,
  fields: Partial<UiMessage> & Pick<UiMessage, 'role' | 'parentId'>,
): UiMessage {
  return {
    id,
    text: '',
    reasoning: '',
    toolCalls: [],
    model: null,
    status: 'done',
    feedback: null,
    attachments: [],
    ...fields,
  };
}
