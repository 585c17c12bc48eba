import { useEffect, useState } from 'react';
import { api } from './api';

const cache = new Map<string, Promise<unknown>>();

/**
 * GETs `path` once per page load. An endpoint that is missing (404/501) or fails yields
 * undefined, so the control that needs it stays hidden instead of breaking the page.
 */
export function useOptionalApi<T>(path: string | undefined): T | undefined {
  const [data, setData] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!path) return;
    let live = true;
    let pending = cache.get(path);
    if (!pending) {
      pending = api<T>(path).catch(() => undefined);
      cache.set(path, pending);
    }
    void pending.then((value) => live && setData(value as T | undefined));
    return () => {
      live = false;
    };
  }, [path]);
  return data;
}

/** Forgets a cached reply (after settings change it). */
export function forgetApi(path: string): void {
  cache.delete(path);
}
