import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Loads `load()` whenever `key` changes; `reload` runs it again. Stale answers are dropped. */
export function useAsync<T>(key: string, load: () => Promise<T>): AsyncState<T> {
  const [data, setState] = useState<T>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setState(value);
        setError(undefined);
      },
      (caught: Error) => live && setError(caught.message),
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((current) => update(current)),
    [],
  );
  return { data, error, reload, setData };
}
