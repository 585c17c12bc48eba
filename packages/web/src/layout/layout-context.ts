import { createContext, useContext } from 'react';

export interface LayoutState {
  /** the sidebar as a drawer on narrow screens */
  drawerOpen: boolean;
  setDrawerOpen: (open: boolean) => void;
  newChat: () => void;
}

export const LayoutContext = createContext<LayoutState>({
  drawerOpen: false,
  setDrawerOpen: () => undefined,
  newChat: () => undefined,
});

export function useLayout(): LayoutState {
  return useContext(LayoutContext);
}
