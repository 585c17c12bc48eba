import type { AgentDto } from '@qiao/core';
import { useRef } from 'react';
import { ApiError } from '../lib/api';
import { useToast } from '../lib/toast';
import { agentsApi } from './agents-api';
import { useAgentText } from './use-agent-text';

/** Uploads a file written by "Export JSON" (`qiao.agent/v1`) as a new private agent. */
export function ImportButton({ onImported }: { onImported: (agent: AgentDto) => void }) {
  const { t } = useAgentText();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);

  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as { slug?: string };
      // a file imported beside its original (same slug) comes in under a fresh slug
      const agent = await agentsApi.importFile(parsed).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 409 && parsed.slug)
          return agentsApi.importFile({ ...parsed, slug: undefined });
        throw error;
      });
      toast(t('imported'));
      onImported(agent);
    } catch (error) {
      toast(t('importFailed') + (error as Error).message);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <button
        type="button"
        className="ghost"
        onClick={() => input.current?.click()}
        aria-label={t('import')}
        data-testid="agent-import"
      >
        {t('import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(e) => void load(e.target.files?.[0])}
        data-testid="agent-import-file"
      />
    </>
  );
}
