import type { TopicDto } from '@qiao/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { CloseIcon, EditIcon, FolderIcon, PlusIcon } from '../layout/icons';

interface Props {
  topics: TopicDto[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  onCreate: (name: string) => Promise<void>;
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

/** Topics: named threads; picking one filters the history to its chats. */
export function TopicsSection({ topics, selected, onSelect, onCreate, onRename, onDelete }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ id?: string; name: string }>();

  const save = async () => {
    if (!editing?.name.trim()) return setEditing(undefined);
    const { id, name } = editing;
    setEditing(undefined);
    if (id) await onRename(id, name.trim());
    else await onCreate(name.trim());
  };

  return (
    <section className="topics" data-testid="topics">
      <div className="topics-head">
        <h3>{t('topics')}</h3>
        <button
          type="button"
          className="icon-button tiny"
          aria-label={t('newTopic')}
          title={t('newTopic')}
          onClick={() => setEditing({ name: '' })}
          data-testid="new-topic"
        >
          <PlusIcon />
        </button>
      </div>
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            className="topic-input"
            value={editing.name}
            placeholder={t('topicName')}
            aria-label={t('topicName')}
            onChange={(e) => setEditing({ ...editing, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}
            // biome-ignore lint/a11y/noAutofocus: the user just asked for a new topic
            autoFocus
            data-testid="topic-name"
          />
        </form>
      )}
      {topics.map((topic) => (
        <div key={topic.id} className={`topic ${selected === topic.id ? 'active' : ''}`} data-testid="topic">
          <button
            type="button"
            className="topic-link"
            aria-pressed={selected === topic.id}
            onClick={() => onSelect(selected === topic.id ? undefined : topic.id)}
          >
            <FolderIcon />
            {topic.name}
          </button>
          <button
            type="button"
            className="icon-button tiny"
            aria-label={`${t('rename')} ${topic.name}`}
            onClick={() => setEditing({ id: topic.id, name: topic.name })}
          >
            <EditIcon />
          </button>
          <button
            type="button"
            className="icon-button tiny"
            aria-label={`${t('delete')} ${topic.name}`}
            onClick={() => {
              if (window.confirm(t('confirmDelete'))) {
                if (selected === topic.id) onSelect(undefined);
                void onDelete(topic.id);
              }
            }}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </section>
  );
}
