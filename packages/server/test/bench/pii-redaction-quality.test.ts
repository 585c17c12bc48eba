import { expect, it } from 'vitest';
import { measureRedactionEffect, redactionTable } from '../../bench/knowledge/pii-redaction-quality';

/**
 * What redacting personal data before a cloud embedding model costs retrieval (docs/safety.md,
 * the outbound boundary). The figures print; the assertions hold the shape of the trade-off.
 */
it('redacted embeddings: other questions and lookups by owner keep their quality, lookups by value lose it', async () => {
  const rows = await measureRedactionEffect();
  console.log(redactionTable(rows));
  const row = (questions: string, retriever: string) =>
    rows.find((r) => r.questions.startsWith(questions) && r.retriever === retriever)!;
  for (const retriever of ['vector', 'hybrid']) {
    const dev = row('dev set', retriever);
    expect(dev.redacted.mrr).toBeGreaterThanOrEqual(dev.original.mrr - 0.02);
    const owner = row('contact by owner', retriever);
    expect(owner.redacted.mrr).toBeGreaterThanOrEqual(owner.original.mrr - 0.02);
    // the number itself is not in the index's vectors any more: only BM25 (local) still knows it
    const value = row('contact by value', retriever);
    expect(value.redacted.mrr).toBeLessThan(value.original.mrr);
  }
}, 60_000);
