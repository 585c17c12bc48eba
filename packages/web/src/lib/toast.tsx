import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

interface Toast {
  id: number;
  text: string;
  link?: string;
}

const ToastContext = createContext<(text: string, link?: string) => void>(() => undefined);

/** Short notices at the bottom of the screen ("link copied"), read out by screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((text: string, link?: string) => {
    const id = next.current++;
    setToasts((list) => [...list, { id, text, link }]);
    setTimeout(() => setToasts((list) => list.filter((toast) => toast.id !== id)), 4000);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast" data-testid="toast">
            {toast.text}
            {toast.link && (
              <a href={toast.link} target="_blank" rel="noreferrer" data-testid="toast-link">
                {toast.link}
              </a>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (text: string, link?: string) => void {
  return useContext(ToastContext);
}
