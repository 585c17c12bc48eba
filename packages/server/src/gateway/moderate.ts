import { AppError, PiiVault } from '@qiao/core';
import type { ModerationRequest, ModerationVerdict } from './gateway';
import type { RecordRedaction } from './outbound-pii';
import { redactTexts } from './outbound-pii';
import { bearer, upstreamCall } from './upstream-call';

interface ModerationResponse {
  results?: { flagged?: boolean; categories?: Record<string, boolean> }[];
}

/**
 * Asks an OpenAI-compatible `/moderations` service about one text. The service is a third
 * party too: it reads placeholders, not the personal data.
 */
export async function moderateText(
  deps: { recordRedaction: RecordRedaction },
  request: ModerationRequest,
): Promise<ModerationVerdict> {
  const { service } = request;
  const redacted = redactTexts([request.input], new PiiVault());
  deps.recordRedaction('moderation', redacted.hits, { ...request, model: service.model ?? 'moderation' });
  const res = await upstreamCall(`${service.baseUrl.replace(/\/+$/, '')}/moderations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(service.apiKey) },
    body: JSON.stringify({ input: redacted.texts[0], ...(service.model ? { model: service.model } : {}) }),
    signal: request.signal,
    timeoutMs: service.timeoutMs ?? 5_000,
    what: 'The moderation service',
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new AppError('upstream_error', `The moderation service answered ${res.status}`);
  }
  const body = (await res.json()) as ModerationResponse;
  const flagged = body.results?.find((r) => r.flagged);
  if (!flagged) return { flagged: false, categories: [] };
  const categories = Object.entries(flagged.categories ?? {})
    .filter(([, on]) => on)
    .map(([name]) => name);
  return { flagged: true, categories };
}
