import { lazy, Suspense } from 'react';

// KaTeX, the highlighter and the markdown pipeline load after the first paint of the chat.
const Markdown = lazy(() => import('./markdown'));

/** `final`: the text will not change any more (not streaming), so its rendering may be cached. */
export function MarkdownView({ text, final = true }: { text: string; final?: boolean }) {
  return (
    <Suspense fallback={<div className="plain-text">{text}</div>}>
      <Markdown text={text} final={final} />
    </Suspense>
  );
}
