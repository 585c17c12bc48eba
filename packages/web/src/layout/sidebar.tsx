import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { AdminNav } from '../admin/admin-nav';
import { AgentsNav } from '../agents/agents-nav';
import { useChatStore } from '../chat/chat-context';
import { HistoryList } from '../history/history-list';
import { TopicsSection } from '../history/topics-section';
import { useConversations } from '../history/use-conversations';
import { useTopics } from '../history/use-topics';
import { useI18n } from '../i18n/i18n';
import { CloseIcon, FolderIcon, NewChatIcon, SearchIcon } from './icons';
import { useLayout } from './layout-context';
import { UserMenu } from './user-menu';

/** New chat, search, topics and the history; a drawer on phones. */
export function Sidebar() {
  const { t } = useI18n();
  const store = useChatStore();
  const { drawerOpen, setDrawerOpen, newChat } = useLayout();
  const [query, setQuery] = useState('');
  const [topicId, setTopicId] = useState<string>();
  const [refresh, setRefresh] = useState(0);
  const topics = useTopics();
  const { conversations, loaded, patchLocal } = useConversations(query, topicId, refresh);

  useEffect(() => store.onHistoryChange(() => setRefresh((n) => n + 1)), [store]);

  const close = () => setDrawerOpen(false);

  return (
    <>
      {drawerOpen && <div className="scrim mobile-only" onClick={close} aria-hidden="true" />}
      <aside className={`sidebar ${drawerOpen ? 'open' : ''}`} aria-label={t('appName')}>
        <div className="sidebar-top">
          <span className="brand">
            <span className="logo" aria-hidden="true">
              桥
            </span>
            {t('appName')}
          </span>
          <button
            type="button"
            className="icon-button mobile-only"
            aria-label={t('closeSidebar')}
            onClick={close}
          >
            <CloseIcon />
          </button>
        </div>
        <button
          type="button"
          className="new-chat"
          onClick={() => {
            newChat();
            close();
          }}
          data-testid="new-chat"
        >
          <NewChatIcon />
          <span>{t('newChat')}</span>
          <kbd className="desktop-only">Ctrl ⇧ O</kbd>
        </button>
        <NavLink to="/knowledge" className="nav-link" onClick={close} data-testid="nav-knowledge">
          <FolderIcon />
          <span>{t('knowledgeBases')}</span>
        </NavLink>
        <AgentsNav onNavigate={close} />
        <AdminNav onNavigate={close} />
        <label className="search">
          <SearchIcon />
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('searchHistory')}
            aria-label={t('searchHistory')}
            data-testid="history-search"
          />
        </label>
        <div className="sidebar-scroll">
          {topics.available && (
            <TopicsSection
              topics={topics.topics}
              selected={topicId}
              onSelect={setTopicId}
              onCreate={topics.create}
              onRename={topics.rename}
              onDelete={async (id) => {
                await topics.remove(id);
                setRefresh((n) => n + 1);
              }}
            />
          )}
          <HistoryList
            conversations={conversations}
            loaded={loaded}
            searching={query.trim().length > 0}
            topics={topics.topics}
            onChange={(id, change) => {
              patchLocal(id, change);
              if (change === null && id === store.conversationId) newChat();
              if (change && 'topicId' in change && topicId) setRefresh((n) => n + 1);
            }}
            onOpen={close}
          />
        </div>
        <UserMenu />
      </aside>
    </>
  );
}
