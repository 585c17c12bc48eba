import { useCallback, useMemo, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { ChatProvider, useChatStore } from '../chat/chat-context';
import { LayoutContext } from './layout-context';
import { Sidebar } from './sidebar';
import { useServerPreferences } from './use-server-preferences';
import { useShortcuts } from './use-shortcuts';

/** Signed-in frame: sidebar (a drawer on phones) beside the routed page. */
export function AppLayout() {
  return (
    <ChatProvider>
      <Frame />
    </ChatProvider>
  );
}

function Frame() {
  const store = useChatStore();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  useServerPreferences();

  const newChat = useCallback(() => {
    store.reset();
    navigate('/');
  }, [store, navigate]);

  const shortcuts = useMemo(
    () => ({
      newChat,
      focusInput: () => document.getElementById('composer-input')?.focus(),
      stop: () => {
        if (!store.streaming) return false;
        void store.stop();
        return true;
      },
    }),
    [newChat, store],
  );
  useShortcuts(shortcuts);

  const layout = useMemo(() => ({ drawerOpen, setDrawerOpen, newChat }), [drawerOpen, newChat]);
  return (
    <LayoutContext.Provider value={layout}>
      <div className="shell">
        <Sidebar />
        <Outlet />
      </div>
    </LayoutContext.Provider>
  );
}
