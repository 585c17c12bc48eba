import type { FileDto, UserSettingsDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAgent } from '../agents/use-agent';
import { useI18n } from '../i18n/i18n';
import { ChatHeader } from '../layout/chat-header';
import { useOptionalApi } from '../lib/use-optional-api';
import { useChatAgentId, useChatStore, useChatTitle, useRows, useStreaming } from './chat-context';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { ModelContext, useConversationModel } from './model-context';
import { useModels } from './use-models';
import { Welcome } from './welcome';

/** `/` (a new chat) and `/c/:id` (a stored conversation). */
export function ChatPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const store = useChatStore();
  const rows = useRows();
  const streaming = useStreaming();
  const title = useChatTitle();
  // `/?agent=<id>` starts a chat with an agent; a stored conversation brings its own
  const agentParam = useSearchParams()[0].get('agent') ?? undefined;
  const agentId = useChatAgentId();
  const agent = useAgent(agentId, locale);
  const { models, defaultModel, loaded } = useModels();
  const settings = useOptionalApi<UserSettingsDto>('/api/me/settings');
  const conversationModel = useConversationModel();
  // the reader's pick in this chat; until there is one, the chat's own model (reopened from
  // history) or the default applies (derived, so a pick made while the list arrives stays)
  const [pick, setPick] = useState({ chat: id, model: '' });
  const picked = pick.chat === id ? pick.model : '';
  const setModel = (model: string) => setPick({ chat: id, model });
  const [error, setError] = useState<string>();

  const ids = models.map((m) => m.id);
  const model =
    (ids.includes(picked) ? picked : undefined) ??
    [conversationModel, agent?.model, settings?.defaultModel, defaultModel].find(
      (m) => m && ids.includes(m),
    ) ??
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

  useEffect(() => {
    if (!id) store.setAgent(agentParam);
  }, [id, agentParam, store]);

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
        <ChatHeader title={id ? title : ''} agent={agent} />
        {error && (
          <p className="error banner" role="alert">
            {t('errorPrefix') + error}
          </p>
        )}
        {loaded && models.length === 0 && <p className="error banner">{t('noModels')}</p>}
        {rows.length === 0 && !id ? (
          <Welcome
            onPick={(text) => send(text)}
            disabled={!model || streaming}
            agent={agent}
            waiting={agentId !== undefined && !agent}
          />
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
