import { useI18n } from '../i18n/i18n';
import { MenuIcon, NewChatIcon } from './icons';
import { useLayout } from './layout-context';

/** The bar above the transcript: drawer button on phones, the chat's title, language. */
export function ChatHeader({ title }: { title: string }) {
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
        {title}
      </h2>
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
