import { useCallback, useEffect, useState } from 'react';
import { useToast } from '../lib/toast';
import { useAdminText } from './use-admin-text';

/**
 * Loads a list, reloads it after every change made through `run`, and turns failures into a
 * toast with the server's message (a 403 or 409 says why).
 */
export function useAdminList<T>(load: () => Promise<T[]>) {
  const { t } = useAdminText();
  const toast = useToast();
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(() => {
    load()
      .then((list) => setItems(list))
      .catch((error: Error) => toast(t('failed') + error.message))
      .finally(() => setLoaded(true));
  }, [load, toast, t]);
  useEffect(reload, [reload]);

  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      try {
        await change();
        return true;
      } catch (error) {
        toast(t('failed') + (error as Error).message);
        return false;
      } finally {
        reload();
      }
    },
    [reload, toast, t],
  );

  return { items, loaded, reload, run };
}
