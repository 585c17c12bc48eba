import './knowledge.css';
import { Route, Routes } from 'react-router';
import { KbListPage } from './kb-list-page';
import { KbPage } from './kb-page';

/** /knowledge/*: the list of knowledge bases, and one knowledge base's pages. Loaded on demand. */
export default function KnowledgePage() {
  return (
    <Routes>
      <Route index element={<KbListPage />} />
      <Route path=":kbId/*" element={<KbPage />} />
    </Routes>
  );
}
