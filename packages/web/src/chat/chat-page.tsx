import type { FileDto, UserSettingsDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ChatHeader } from '../layout/chat-header';
import { useOptionalApi } from '../lib/use-optional-api';
import { useChatStore, useChatTitle, useRows, useStreaming } from './chat-context';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { ModelContext } from './model-context';
import { useModels } from './use-models';
import { Welcome } from './welcome';

/** `/` (a new chat) and `/c/:id` (a stored conversation). */
export function ChatPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const store = useChatStore();
  const rows = useRows();
  const streaming = useStreaming();
  const title = useChatTitle();
  const { models, defaultModel, loaded } = useModels();
  const settings = useOptionalApi<UserSettingsDto>('/api/me/settings');
  // the reader's pick; until there is one the default applies (derived, so a pick made while the
  // model list arrives is never overwritten)
  const [picked, setModel] = useState('');
  const [error, setError] = useState<string>();

  const ids = models.map((m) => m.id);
  const model =
    (ids.includes(picked) ? picked : undefined) ??
    [settings?.defaultModel, defaultModel].find((m) => m && ids.includes(m)) ??
    ids[0] ??
    '';

  useEffect(() => {
    document.title = id && title ? `${title} · Qiao` : 'Qiao 桥';
  }, [id, title]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the address only
  useEffect(() => {
    setError(undefined);
    if (!id) {
      if (store.conversationId) store.reset();
    } else if (id !== store.conversationId) {
      store.load(id).catch((caught: Error) => setError(caught.message));
    }
  }, [id]);

  const send = (text: string, files: FileDto[] = []) => {
    const fresh = !store.conversationId;
    const unsubscribe = store.onHistoryChange(() => {
      if (fresh && store.conversationId) navigate(`/c/${store.conversationId}`);
      unsubscribe();
    });
    void store.send(text, model, files).finally(unsubscribe);
  };

  return (
    <ModelContext.Provider value={model}>
      <main className="chat">
        <ChatHeader title={id ? title : ''} />
        {error && (
          <p className="error banner" role="alert">
            {t('errorPrefix') + error}
          </p>
        )}
        {loaded && models.length === 0 && <p className="error banner">{t('noModels')}</p>}
        {rows.length === 0 && !id ? (
          <Welcome onPick={(text) => send(text)} disabled={!model || streaming} />
        ) : (
          <MessageList />
        )}
        <div className="composer-wrap">
          <Composer
            models={models}
            model={model}
            onModel={setModel}
            streaming={streaming}
            onSend={send}
            onStop={() => void store.stop()}
          />
          <p className="disclaimer">{t('disclaimer')}</p>
        </div>
      </main>
    </ModelContext.Provider>
  );
}
