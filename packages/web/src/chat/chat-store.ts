import type { ChatEventMap, ChatEventName, ConversationDto, MessageDto } from '@qiao/core';
import { api } from '../lib/api';
import { streamTurn } from '../lib/stream-turn';
import { answerChange } from './answer-change';
import { buildThread, foldToolSteps, fromDto, newMessage, type ThreadRow, type UiMessage } from './thread';

type Listener = () => void;

let tempCounter = 0;
const tempId = () => `temp-${++tempCounter}`;

/**
 * The open conversation, outside React so that a streamed token notifies only the row that shows
 * it: the list subscribes to the structure (rows), each row to its own message.
 */
export class ChatStore {
  conversationId: string | undefined;
  title = '';
  /** the agent this chat talks to: chosen for a new chat, or the stored conversation's */
  agentId: string | undefined;
  streaming = false;
  loading = false;
  private messages = new Map<string, UiMessage>();
  private order: string[] = [];
  private selected: Record<string, string> = {};
  private rows: ThreadRow[] = [];
  private structureListeners = new Set<Listener>();
  private messageListeners = new Map<string, Set<Listener>>();
  private historyListeners = new Set<Listener>();
  private createdHooks = new Set<(conversationId: string) => Promise<void>>();
  private abort: AbortController | undefined;
  private pending = new Set<string>();
  private frame: ReturnType<typeof setTimeout> | undefined;

  subscribe = (listener: Listener) => {
    this.structureListeners.add(listener);
    return () => this.structureListeners.delete(listener);
  };
  getRows = () => this.rows;

  subscribeMessage(id: string, listener: Listener): () => void {
    const set = this.messageListeners.get(id) ?? new Set();
    set.add(listener);
    this.messageListeners.set(id, set);
    return () => set.delete(listener);
  }
  getMessage(id: string): UiMessage | undefined {
    return this.messages.get(id);
  }

  /** Called when the conversation list may have changed (created, titled). */
  onHistoryChange(listener: Listener): () => void {
    this.historyListeners.add(listener);
    return () => this.historyListeners.delete(listener);
  }

  /** Work a new chat needs once it has an id, before its first message (knowledge bindings). */
  onConversationCreated(hook: (conversationId: string) => Promise<void>): () => void {
    this.createdHooks.add(hook);
    return () => this.createdHooks.delete(hook);
  }

  reset(): void {
    this.abort?.abort();
    this.conversationId = undefined;
    this.agentId = undefined;
    this.title = '';
    this.streaming = false;
    this.messages.clear();
    this.order = [];
    this.selected = {};
    this.structureChanged();
  }

  async load(conversationId: string): Promise<void> {
    this.reset();
    this.conversationId = conversationId;
    this.loading = true;
    this.structureChanged();
    try {
      const [conversation, { messages }] = await Promise.all([
        api<ConversationDto>(`/api/conversations/${conversationId}`),
        api<{ messages: MessageDto[] }>(`/api/conversations/${conversationId}/messages`),
      ]);
      if (this.conversationId !== conversationId) return;
      this.title = conversation.title;
      this.agentId = conversation.agentId ?? undefined;
      for (const dto of foldToolSteps(messages)) {
        const message = fromDto(dto);
        if (!message) continue;
        this.messages.set(message.id, message);
        this.order.push(message.id);
      }
    } finally {
      if (this.conversationId === conversationId) {
        this.loading = false;
        this.structureChanged();
      }
    }
  }

  /** A new chat with an agent (or the default assistant); ignored once the chat has started. */
  setAgent(agentId: string | undefined): void {
    if (this.conversationId || this.agentId === agentId) return;
    this.agentId = agentId;
    this.structureChanged();
  }

  /** Shows another version of an answer. */
  select(answerId: string): void {
    const parentId = this.messages.get(answerId)?.parentId;
    if (!parentId) return;
    this.selected = { ...this.selected, [parentId]: answerId };
    this.structureChanged();
  }

  update(id: string, change: Partial<UiMessage>): void {
    const current = this.messages.get(id);
    if (!current) return;
    this.messages.set(id, { ...current, ...change });
    this.notifyMessage(id);
  }

  async send(content: string, model: string, attachments: UiMessage['attachments'] = []): Promise<void> {
    if (this.streaming) return;
    this.streaming = true;
    const user = this.add({ role: 'user', text: content, parentId: null, attachments });
    const answer = this.add({ role: 'assistant', parentId: user.id, model, status: 'streaming' });
    try {
      if (!this.conversationId) {
        const agent = this.agentId ? { agentId: this.agentId } : {};
        const created = await api<ConversationDto>('/api/conversations', { body: { model, ...agent } });
        this.conversationId = created.id;
        for (const hook of [...this.createdHooks]) await hook(created.id);
        this.emitHistory();
      }
      const body = {
        content,
        model,
        ...(attachments.length ? { attachments: attachments.map((f) => f.id) } : {}),
      };
      await this.run(`/api/conversations/${this.conversationId}/messages`, body, answer.id, user.id);
    } catch (error) {
      this.fail(answer.id, error);
    }
  }

  async regenerate(answerId: string, model: string): Promise<void> {
    const old = this.messages.get(answerId);
    if (this.streaming || !old?.parentId || !this.conversationId) return;
    this.streaming = true;
    const answer = this.add({ role: 'assistant', parentId: old.parentId, model, status: 'streaming' });
    this.selected = { ...this.selected, [old.parentId]: answer.id };
    this.structureChanged();
    await this.run(
      `/api/conversations/${this.conversationId}/regenerate`,
      { messageId: answerId, model },
      answer.id,
    ).catch((error) => this.fail(answer.id, error));
  }

  /** Edit and resend: the user message and everything after it are replaced. */
  async edit(userId: string, content: string, model: string): Promise<void> {
    const index = this.order.indexOf(userId);
    if (this.streaming || index === -1 || !this.conversationId) return;
    this.streaming = true;
    for (const id of this.order.slice(index)) this.messages.delete(id);
    this.order = this.order.slice(0, index);
    const user = this.add({ role: 'user', text: content, parentId: null });
    const answer = this.add({ role: 'assistant', parentId: user.id, model, status: 'streaming' });
    await this.run(
      `/api/conversations/${this.conversationId}/messages/${userId}/edit`,
      { content, model },
      answer.id,
      user.id,
    ).catch((error) => this.fail(answer.id, error));
  }

  async stop(): Promise<void> {
    const controller = this.abort;
    const id = this.conversationId;
    if (!controller) return;
    // The server ends the stream with `done`; abort only if it does not in time.
    const fallback = setTimeout(() => controller.abort(), 3_000);
    controller.signal.addEventListener('abort', () => clearTimeout(fallback));
    if (id) await api(`/api/conversations/${id}/stop`, { method: 'POST' }).catch(() => controller.abort());
  }

  private async run(path: string, body: unknown, answerId: string, userId?: string): Promise<void> {
    const controller = new AbortController();
    this.abort = controller;
    const ids = { answer: answerId, user: userId };
    try {
      await streamTurn(path, body, (event, data) => this.apply(ids, event, data), controller.signal);
      // every turn ends with `done` or `error`: a stream that just stops lost its server mid-answer
      this.finish(ids.answer, 'interrupted');
    } catch (error) {
      if (controller.signal.aborted) this.finish(ids.answer, 'stopped');
      else throw error;
    } finally {
      if (this.abort === controller) this.abort = undefined;
      this.streaming = false;
      this.flush();
      this.structureChanged();
    }
  }

  private apply(ids: { answer: string; user?: string }, event: ChatEventName, data: unknown): void {
    const answer = this.messages.get(ids.answer);
    if (!answer) return;
    if (event === 'start') {
      const start = data as ChatEventMap['start'];
      if (ids.user) ids.user = this.rename(ids.user, start.userMessageId);
      ids.answer = this.rename(ids.answer, start.assistantMessageId);
      this.update(ids.answer, { parentId: start.userMessageId, model: start.model });
    } else if (event === 'title') {
      this.title = (data as ChatEventMap['title']).title;
      this.emitHistory();
    } else if (event === 'done') {
      const done = data as ChatEventMap['done'];
      this.finish(ids.answer, done.finishReason === 'cancelled' ? 'stopped' : 'done');
      this.emitHistory();
    } else if (event === 'error') {
      this.flush();
      this.update(ids.answer, { status: 'error', error: (data as ChatEventMap['error']).message });
    } else {
      const change = answerChange(answer, event, data);
      if (change) this.stage(ids.answer, change);
    }
  }

  /** Token updates are coalesced to one notification per frame. */
  private stage(id: string, change: Partial<UiMessage>): void {
    const current = this.messages.get(id);
    if (!current) return;
    this.messages.set(id, { ...current, ...change });
    this.pending.add(id);
    this.frame ??= setTimeout(() => this.flush(), 16);
  }

  private flush(): void {
    if (this.frame) clearTimeout(this.frame);
    this.frame = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) this.notifyMessage(id);
  }

  private finish(id: string, status: 'done' | 'stopped' | 'interrupted'): void {
    this.flush();
    const message = this.messages.get(id);
    if (message?.status === 'streaming') this.update(id, { status });
  }

  private fail(id: string, error: unknown): void {
    this.streaming = false;
    this.flush();
    this.update(id, { status: 'error', error: error instanceof Error ? error.message : String(error) });
    this.structureChanged();
  }

  private add(fields: Partial<UiMessage> & Pick<UiMessage, 'role' | 'parentId'>): UiMessage {
    const message = newMessage(tempId(), fields);
    this.messages.set(message.id, message);
    this.order.push(message.id);
    this.structureChanged();
    return message;
  }

  private rename(from: string, to: string): string {
    const message = this.messages.get(from);
    if (!message || from === to) return to;
    this.messages.delete(from);
    this.messages.set(to, { ...message, id: to });
    this.order = this.order.map((id) => (id === from ? to : id));
    for (const m of this.messages.values())
      if (m.parentId === from) this.messages.set(m.id, { ...m, parentId: to });
    this.selected = Object.fromEntries(
      Object.entries(this.selected).map(([k, v]) => [k === from ? to : k, v === from ? to : v]),
    );
    this.structureChanged();
    return to;
  }

  private structureChanged(): void {
    this.rows = buildThread(
      this.order.map((id) => this.messages.get(id)!),
      this.selected,
    );
    for (const listener of [...this.structureListeners]) listener();
  }

  private notifyMessage(id: string): void {
    for (const listener of [...(this.messageListeners.get(id) ?? [])]) listener();
  }

  private emitHistory(): void {
    for (const listener of [...this.historyListeners]) listener();
  }
}
