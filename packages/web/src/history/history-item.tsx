import type { ConversationDto, TopicDto } from '@qiao/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { MoreIcon, PinIcon } from '../layout/icons';
import { api } from '../lib/api';

interface Props {
  conversation: ConversationDto;
  active: boolean;
  topics: TopicDto[];
  onChange: (id: string, change: Partial<ConversationDto> | null) => void;
  onOpen: () => void;
}

/** One conversation in the sidebar, with its menu: pin, rename, move to a topic, delete. */
export function HistoryItem({ conversation: c, active, topics, onChange, onOpen }: Props) {
  const { t } = useI18n();
  const [menu, setMenu] = useState(false);
  const [renaming, setRenaming] = useState<string>();

  const patch = async (change: { title?: string; pinned?: boolean; topicId?: string | null }) => {
    setMenu(false);
    const updated = await api<ConversationDto>(`/api/conversations/${c.id}`, {
      method: 'PATCH',
      body: change,
    });
    onChange(c.id, updated);
  };
  const remove = async () => {
    setMenu(false);
    if (!window.confirm(t('confirmDelete'))) return;
    await api(`/api/conversations/${c.id}`, { method: 'DELETE' });
    onChange(c.id, null);
  };

  if (renaming !== undefined) {
    return (
      <form
        className="history-item renaming"
        onSubmit={(e) => {
          e.preventDefault();
          setRenaming(undefined);
          if (renaming.trim()) void patch({ title: renaming.trim() });
        }}
      >
        <input
          value={renaming}
          onChange={(e) => setRenaming(e.target.value)}
          onBlur={() => setRenaming(undefined)}
          onKeyDown={(e) => e.key === 'Escape' && setRenaming(undefined)}
          aria-label={t('rename')}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this item
          autoFocus
          data-testid="rename-input"
        />
      </form>
    );
  }

  return (
    <div className={`history-item ${active ? 'active' : ''}`} data-testid="history-item">
      <Link to={`/c/${c.id}`} onClick={onOpen} className="history-link">
        <span className="history-title">
          {c.pinned && <PinIcon />}
          {c.title || t('newChat')}
        </span>
        {c.snippet && (
          <span className="history-snippet" data-testid="history-snippet">
            {c.snippet}
          </span>
        )}
      </Link>
      <button
        type="button"
        className="icon-button tiny item-more"
        aria-label={t('moreActions')}
        aria-expanded={menu}
        onClick={() => setMenu((open) => !open)}
        data-testid="history-more"
      >
        <MoreIcon />
      </button>
      {menu && (
        <div className="popover menu" role="menu">
          <button type="button" role="menuitem" onClick={() => void patch({ pinned: !c.pinned })}>
            {c.pinned ? t('unpin') : t('pin')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setMenu(false);
              setRenaming(c.title);
            }}
          >
            {t('rename')}
          </button>
          {topics.length > 0 && (
            <label className="menu-select">
              {t('moveToTopic')}
              <select
                value={c.topicId ?? ''}
                onChange={(e) => void patch({ topicId: e.target.value || null })}
                data-testid="move-to-topic"
              >
                <option value="">{t('noTopic')}</option>
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" role="menuitem" className="danger" onClick={() => void remove()}>
            {t('delete')}
          </button>
        </div>
      )}
    </div>
  );
}
