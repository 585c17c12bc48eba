import type { KnowledgeSource } from '@qiao/core';
import { createContext, useContext } from 'react';

export interface Citations {
  sources: readonly KnowledgeSource[];
  /** opens the passage of source `index`; `quote` is the answer's sentence citing it */
  open(index: number, quote: string): void;
}

const none: Citations = { sources: [], open: () => undefined };

/** The sources of the answer being rendered, for its `[n]` markers. */
export const CitationContext = createContext<Citations>(none);

export const useCitations = () => useContext(CitationContext);
