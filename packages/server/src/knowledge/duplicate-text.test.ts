import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;
beforeAll(async () => {
  t = await startKnowledgeTestApp();
}, 120_000);
afterAll(() => t.close());

const handbook = '# 员工手册\n\n## 年假\n\n员工每年有 15 天带薪年假。\n\nAnnual leave: 15 days.\n';

describe('duplicate documents', () => {
  it('refuses a document whose normalized text another document already has', async () => {
    const kb = await t.createKb('dedupe');
    const [first] = await t.ingest(kb.id, [{ name: 'handbook.md', content: handbook }]);
    expect(first).toMatchObject({ status: 'ready' });

    // other bytes (CRLF, full-width digits, extra spaces), same text: passes the byte check
    const resaved = handbook.replaceAll('\n', '\r\n').replace('15 天', '１５  天');
    const docs = await t.ingest(kb.id, [{ name: 'handbook-copy.md', content: resaved }]);
    const copy = docs.find((doc) => doc.id !== first!.id)!;
    expect(copy.status).toBe('failed');
    expect(copy.error).toContain('"handbook.md"');
    expect(copy.error).toContain('same text');

    const other = await t.ingest(kb.id, [{ name: 'other.md', content: handbook.replace('15', '20') }]);
    expect(other.filter((doc) => doc.status === 'ready')).toHaveLength(2);
  });

  it('accepts the same text in another knowledge base', async () => {
    const kb = await t.createKb('elsewhere');
    const [doc] = await t.ingest(kb.id, [{ name: 'handbook.md', content: handbook }]);
    expect(doc).toMatchObject({ status: 'ready' });
  });
});
