import { useEffect } from 'react';

export interface ShortcutActions {
  newChat: () => void;
  focusInput: () => void;
  /** Esc: returns true when it stopped something, so the key is not used twice */
  stop: () => boolean;
}

/** Ctrl/Cmd+Shift+O new chat, Shift+Esc focus the input, Esc stop a streaming answer. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey'>) {
  if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'o') return 'newChat';
  if (event.key === 'Escape' && event.shiftKey) return 'focusInput';
  if (event.key === 'Escape') return 'stop';
  return undefined;
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === 'newChat' || action === 'focusInput') {
        event.preventDefault();
        actions[action]();
      } else if (action === 'stop' && actions.stop()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
