import { Route, Routes } from 'react-router';
import { ChatHeader } from '../layout/chat-header';
import { AgentEditor } from './agent-editor';
import { AgentListPage } from './agent-list-page';
import { useAgentText } from './use-agent-text';
import './agents.css';

/** /agents/*: a lazy chunk, so the chat route never loads the editor. */
export default function AgentsPage() {
  const { t } = useAgentText();
  return (
    <main className="agents-page" data-testid="agents-page">
      <ChatHeader title={t('agents')} />
      <div className="agents-body">
        <Routes>
          <Route index element={<AgentListPage />} />
          <Route path=":id" element={<AgentEditor />} />
        </Routes>
      </div>
    </main>
  );
}
