import { createContext, useContext } from 'react';

/** The model picked in the composer; regenerate and edit use it too. */
export const ModelContext = createContext('');

export function useCurrentModel(): string {
  return useContext(ModelContext);
}
