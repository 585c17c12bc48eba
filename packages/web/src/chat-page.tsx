import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';
import { useChat } from './use-chat';
import { useModels } from './use-models';

export function ChatPage() {
  const { t } = useI18n();
  const { models, defaultModel, loaded } = useModels();
  const { messages, streaming, send, stop, reset } = useChat();
  const [model, setModel] = useState('');
  const [draft, setDraft] = useState('');
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const preferred = defaultModel && models.includes(defaultModel) ? defaultModel : models[0];
    if (!model && preferred) setModel(preferred);
  }, [model, models, defaultModel]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the transcript grows
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  const submit = () => {
    const content = draft.trim();
    if (!content || streaming || !model) return;
    setDraft('');
    void send(content, model);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <main className="chat">
      <div className="toolbar">
        <button type="button" onClick={reset} data-testid="new-chat">
          {t('newChat')}
        </button>
        <label>
          {t('model')}{' '}
          <select value={model} onChange={(e) => setModel(e.target.value)} data-testid="model">
            {models.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loaded && models.length === 0 && <p className="error">{t('noModels')}</p>}
      <section className="transcript" aria-live="polite">
        {messages.length === 0 && <p className="welcome">{t('welcome')}</p>}
        {messages.map((m) => (
          <article
            key={m.id}
            className={`message ${m.role}`}
            data-testid={`message-${m.role}`}
            data-status={m.status}
          >
            <span className="who">{m.role === 'user' ? t('you') : t('assistant')}</span>
            <div className="text">
              {m.text}
              {m.status === 'streaming' && <span className="cursor">▍</span>}
              {m.status === 'stopped' && <span className="muted"> {t('stopped')}</span>}
            </div>
            {m.error && <p className="error">{t('errorPrefix') + m.error}</p>}
          </article>
        ))}
        <div ref={bottom} />
      </section>
      <div className="composer-row">
        <textarea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('composerPlaceholder')}
          rows={3}
          data-testid="composer"
        />
        {streaming ? (
          <button type="button" onClick={() => void stop()} data-testid="stop">
            {t('stop')}
          </button>
        ) : (
          <button type="button" onClick={submit} disabled={!draft.trim() || !model} data-testid="send">
            {t('send')}
          </button>
        )}
      </div>
    </main>
  );
}
