import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;
const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

const manual = `# 产品手册

## 安装

在 Linux 上运行安装脚本即可完成安装。安装需要大约五分钟。

## 退款政策

购买后三十天内可以申请全额退款。请联系客服并提供订单号。

## Troubleshooting

If the server does not start, check that port 3000 is free and run qiao doctor.
`;

beforeAll(async () => {
  t = await startKnowledgeTestApp();
}, 120_000);
afterAll(() => t.close());

describe('documents', () => {
  it('ingests a document in the background and finds it with sources', async () => {
    const kb = await t.createKb('manual');
    const docs = await t.ingest(kb.id, [{ name: 'manual.md', content: manual }]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: 'ready', error: null });
    const doc = await body(t.request(`/api/knowledge-bases/${kb.id}/documents/${docs[0]!.id}`));
    expect(doc).toMatchObject({ format: 'md', progress: 1 });
    expect(doc.chunkCount).toBeGreaterThanOrEqual(3);

    const result = await body(t.search(kb.id, '怎么退款？'));
    expect(result.mode).toBe('keyword');
    expect(result.hits[0].text).toContain('退款');
    expect(result.hits[0].source).toMatchObject({ document: '产品手册', heading: '产品手册 › 退款政策' });
    expect(result.hits[0].scores.bm25).toBeGreaterThan(0);

    const english = await body(t.search(kb.id, 'server does not start'));
    expect(english.hits[0].text).toContain('qiao doctor');
  });

  it('dedupes identical content and rejects bad files with a reason', async () => {
    const kb = await t.createKb('checks');
    await t.ingest(kb.id, [{ name: 'a.md', content: manual }]);
    const again = await t.upload(kb.id, [{ name: 'copy.md', content: manual }]);
    expect(again.status).toBe(409);

    const empty = await t.upload(kb.id, [{ name: 'empty.txt', content: '' }]);
    expect(empty.status).toBe(400);
    expect((await body(empty)).error.message).toContain('empty');

    const junk = await t.upload(kb.id, [
      { name: 'report.pdf', content: new Uint8Array([0, 1, 2, 3, 0, 255, 7]) },
    ]);
    expect(junk.status).toBe(415);
    expect((await body(junk)).error.message).toContain('not a PDF');

    const mixed = await t.upload(kb.id, [
      { name: 'ok.txt', content: '另一份文件的内容。' },
      { name: 'bad.pdf', content: new Uint8Array([0, 0, 0]) },
    ]);
    expect(mixed.status).toBe(201);
    const mixedBody = await body(mixed);
    expect(mixedBody.documents).toHaveLength(1);
    expect(mixedBody.rejected[0]).toMatchObject({ name: 'bad.pdf', code: 'unsupported_media_type' });
    await t.knowledge.queue.idle();
  });

  it('refuses an oversized upload from its Content-Length', async () => {
    const kb = await t.createKb('big');
    const res = await t.request(`/api/knowledge-bases/${kb.id}/documents`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(500 * 1024 * 1024),
      },
      body: 'x',
    });
    expect(res.status).toBe(413);
  });

  it('refuses a URL to a private address', async () => {
    const kb = await t.createKb('urls');
    const res = await t.request(`/api/knowledge-bases/${kb.id}/documents/url`, {
      method: 'POST',
      json: { url: 'http://127.0.0.1:9/secret' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await body(res)).error.message).toMatch(/private|loopback|not allowed|public/i);
  });

  it('lists and edits chunks, re-indexing the edited one', async () => {
    const kb = await t.createKb('edit');
    const [doc] = await t.ingest(kb.id, [{ name: 'e.md', content: manual }]);
    const { chunks, total } = await body(
      t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}/chunks`),
    );
    expect(chunks.length).toBe(total);
    const edited = await t.request(`/api/knowledge-bases/${kb.id}/chunks/${chunks[0].id}`, {
      method: 'PATCH',
      json: { text: '保修期为两年，zebra 条款适用。' },
    });
    expect(edited.status).toBe(200);
    expect(await body(edited)).toMatchObject({ edited: true, text: '保修期为两年，zebra 条款适用。' });
    const found = await body(t.search(kb.id, '保修期 zebra'));
    expect(found.hits[0].chunkId).toBe(chunks[0].id);
  });

  it('deletes a document with its chunks', async () => {
    const kb = await t.createKb('delete');
    const [doc] = await t.ingest(kb.id, [{ name: 'd.md', content: manual }]);
    expect(
      (await t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await body(t.search(kb.id, '退款'))).hits).toEqual([]);
    expect((await body(t.request(`/api/knowledge-bases/${kb.id}`))).chunkCount).toBe(0);
  });

  it('refuses a 10,000-character query with a clear 400', async () => {
    const kb = await t.createKb('long-query');
    const res = await t.search(kb.id, '问'.repeat(10_000));
    expect(res.status).toBe(400);
    expect((await body(res)).error.message).toContain('at most 2000 characters');
  });

  it('fails a document that has no text and can retry it', async () => {
    const kb = await t.createKb('fail');
    const [doc] = await t.ingest(kb.id, [{ name: 'blank.md', content: '   \n\n  ' }]);
    expect(doc).toMatchObject({ status: 'failed' });
    expect(doc!.error).toContain('No text');
    const retry = await t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}/retry`, {
      method: 'POST',
    });
    expect(retry.status).toBe(202);
    await t.knowledge.queue.idle();
    const after = await body(t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}`));
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
    const cancel = await t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}/cancel`, {
      method: 'POST',
    });
    expect(cancel.status).toBe(409);
  });
});
