import type { ConversationDto, TopicDto } from '@qiao/core';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { groupByDate } from './group-by-date';
import { HistoryItem } from './history-item';

interface Props {
  conversations: ConversationDto[];
  loaded: boolean;
  searching: boolean;
  topics: TopicDto[];
  onChange: (id: string, change: Partial<ConversationDto> | null) => void;
  onOpen: () => void;
}

/** Conversations grouped Pinned / Today / Yesterday / Previous 7 days / Older. */
export function HistoryList({ conversations, loaded, searching, topics, onChange, onOpen }: Props) {
  const { t } = useI18n();
  const { id } = useParams();
  const { pinned, groups } = groupByDate(conversations);
  const sections = [...(pinned.length ? [{ key: 'pinned', label: t('pinned'), items: pinned }] : [])].concat(
    groups.map((g) => ({ key: g.group, label: t(g.group), items: g.items })),
  );

  if (loaded && conversations.length === 0)
    return <p className="history-empty muted">{searching ? t('noResults') : t('noHistory')}</p>;

  return (
    <nav className="history" aria-label={t('searchHistory')} data-testid="history">
      {sections.map((section) => (
        <section key={section.key} className="history-group" data-group={section.key}>
          <h3>{section.label}</h3>
          {section.items.map((c) => (
            <HistoryItem
              key={c.id}
              conversation={c}
              active={c.id === id}
              topics={topics}
              onChange={onChange}
              onOpen={onOpen}
            />
          ))}
        </section>
      ))}
    </nav>
  );
}
