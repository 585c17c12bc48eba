import type { AgentDto } from '@qiao/core';
import { AgentAvatar } from '../agents/agent-avatar';
import { useI18n } from '../i18n/i18n';
import { KbBindButton } from '../knowledge/kb-bind-button';
import { MenuIcon, NewChatIcon } from './icons';
import { useLayout } from './layout-context';

/** The bar above the transcript: drawer button on phones, the chat's title, language. */
export function ChatHeader({ title, agent }: { title: string; agent?: AgentDto }) {
  const { t, toggle } = useI18n();
  const { setDrawerOpen, newChat } = useLayout();
  return (
    <header className="chat-header">
      <button
        type="button"
        className="icon-button mobile-only"
        aria-label={t('openSidebar')}
        onClick={() => setDrawerOpen(true)}
        data-testid="open-sidebar"
      >
        <MenuIcon />
      </button>
      <h2 className="chat-title" data-testid="chat-title">
        {agent && (
          <span className="chat-agent" data-testid="chat-agent">
            <AgentAvatar avatar={agent.avatar} url={agent.avatarUrl} size={24} />
            {agent.name}
          </span>
        )}
        {agent && title ? <span className="chat-agent-title">{title}</span> : title}
      </h2>
      <KbBindButton />
      <button
        type="button"
        className="ghost small"
        onClick={toggle}
        data-testid="language"
        aria-label={t('languageLabel')}
      >
        {t('language')}
      </button>
      <button type="button" className="icon-button mobile-only" aria-label={t('newChat')} onClick={newChat}>
        <NewChatIcon />
      </button>
    </header>
  );
}
