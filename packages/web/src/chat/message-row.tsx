import { memo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { CitationScope } from '../knowledge/citation-scope';
import { CopyIcon, EditIcon } from '../layout/icons';
import { copyText } from '../lib/copy-text';
import { useChatStore, useMessage, useStreaming } from './chat-context';
import { MarkdownView } from './markdown-view';
import { MessageActions } from './message-actions';
import { useCurrentModel } from './model-context';
import { ReasoningBlock, ToolCallBlock } from './reasoning-block';
import type { ThreadRow } from './thread';

/** One transcript row. Memoized: a streamed token re-renders only the row of its message. */
export const MessageRow = memo(
  function MessageRow({ row }: { row: ThreadRow }) {
    return row.kind === 'user' ? (
      <UserMessage id={row.id} />
    ) : (
      <AssistantMessage id={row.id} versions={row.versions} index={row.index} />
    );
  },
  (a, b) =>
    a.row.id === b.row.id &&
    a.row.kind === b.row.kind &&
    (a.row.kind === 'user' ||
      (b.row.kind === 'assistant' &&
        a.row.index === b.row.index &&
        a.row.versions.length === b.row.versions.length)),
);

function UserMessage({ id }: { id: string }) {
  const { t } = useI18n();
  const message = useMessage(id);
  const store = useChatStore();
  const streaming = useStreaming();
  const model = useCurrentModel();
  const [draft, setDraft] = useState<string>();
  if (!message) return null;

  if (draft !== undefined) {
    const save = () => {
      if (!draft.trim()) return;
      setDraft(undefined);
      void store.edit(id, draft.trim(), model);
    };
    return (
      <div className="message user editing">
        <textarea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-label={t('edit')}
          data-testid="edit-input"
          rows={3}
        />
        <div className="row-end">
          <button type="button" className="ghost" onClick={() => setDraft(undefined)}>
            {t('cancel')}
          </button>
          <button type="button" className="primary" onClick={save} data-testid="edit-save">
            {t('saveAndSend')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <article className="message user" data-testid="message-user" data-status={message.status}>
      {message.attachments.length > 0 && (
        <div className="attachments">
          {message.attachments.map((file) => (
            <span key={file.id} className="file-chip">
              {file.name}
            </span>
          ))}
        </div>
      )}
      <div className="bubble">{message.text}</div>
      <div className="message-actions user-actions">
        <button
          type="button"
          className="icon-button small"
          aria-label={t('copy')}
          title={t('copy')}
          onClick={() => void copyText(message.text)}
        >
          <CopyIcon />
        </button>
        <button
          type="button"
          className="icon-button small"
          aria-label={t('edit')}
          title={t('edit')}
          disabled={streaming || id.startsWith('temp-')}
          onClick={() => setDraft(message.text)}
          data-testid="edit"
        >
          <EditIcon />
        </button>
      </div>
    </article>
  );
}

function AssistantMessage({ id, versions, index }: { id: string; versions: string[]; index: number }) {
  const { t } = useI18n();
  const message = useMessage(id);
  const model = useCurrentModel();
  if (!message) return null;
  const streaming = message.status === 'streaming';
  return (
    <article className="message assistant" data-testid="message-assistant" data-status={message.status}>
      <div className="avatar" aria-hidden="true">
        桥
      </div>
      <div className="assistant-body">
        {message.reasoning && (
          <ReasoningBlock text={message.reasoning} streaming={streaming && !message.text} />
        )}
        {message.toolCalls.map((call) => (
          <ToolCallBlock key={call.id} call={call} />
        ))}
        <CitationScope message={message}>
          <div className="markdown">
            {message.text ? (
              <MarkdownView text={message.text} final={!streaming} />
            ) : (
              streaming && <span className="typing" />
            )}
            {streaming && message.text && <span className="cursor" aria-hidden="true" />}
          </div>
        </CitationScope>
        {message.status === 'stopped' && <p className="muted small">{t('stopped')}</p>}
        {message.status === 'interrupted' && (
          <p className="muted small" data-testid="interrupted">
            {t('interrupted')}
          </p>
        )}
        {message.error && (
          <p className="error" role="alert">
            {t('errorPrefix') + message.error}
          </p>
        )}
        {!streaming && <MessageActions message={message} versions={versions} index={index} model={model} />}
      </div>
    </article>
  );
}
