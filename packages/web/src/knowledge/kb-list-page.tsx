import { ChatHeader } from '../layout/chat-header';
import { CreateKbForm } from './create-kb-form';
import { kbApi } from './kb-api';
import { KbCard } from './kb-card';
import { useKbText } from './kb-text';
import { useAsync } from './use-async';

/** /knowledge: every knowledge base the user may read, and a form to create one. */
export function KbListPage() {
  const t = useKbText();
  const list = useAsync('kb-list', kbApi.list);
  return (
    <main className="kb-page" data-testid="kb-list">
      <ChatHeader title={t('title')} />
      <div className="kb-body">
        <p className="muted">{t('intro')}</p>
        <CreateKbForm onCreated={(kb) => list.setData((all) => [kb, ...(all ?? [])])} />
        {list.error && (
          <p className="error" role="alert">
            {list.error}
          </p>
        )}
        {list.data?.length === 0 && <p className="muted">{t('empty')}</p>}
        <ul className="kb-grid">
          {list.data?.map((kb) => (
            <KbCard
              key={kb.id}
              kb={kb}
              onDeleted={() => list.setData((all) => all?.filter((other) => other.id !== kb.id))}
            />
          ))}
        </ul>
      </div>
    </main>
  );
}
