import { afterAll, beforeAll, expect, it } from 'vitest';
import { percentile } from '../../bench/stats';
import { docxBomb, xlsxOfCells } from '../../test/fixtures/documents/honest-zip-bomb';
import { minimalDocx } from '../../test/fixtures/documents/minimal-docx';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';

let t: ChatTestApp;

// the default parse limits: only the upload size is raised past the bombs' few MB
beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024) } });
}, 60_000);
afterAll(() => t?.close());

const upload = (bytes: Uint8Array, name: string) => {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  return t.request('/api/files', { method: 'POST', body: form });
};

/** GET /health every 20 ms until `work` settles. */
async function healthDuring<T>(work: Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const latencies: number[] = [];
  let done = false;
  const settled = work.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    expect((await t.request('/health')).status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { result: await settled, latencies };
}

it('answers a 199 MB docx bomb attached to a message with a 413 and the reason; /health stays fast', async () => {
  const { result: res, latencies } = await healthDuring(
    Promise.resolve(upload(docxBomb(199), 'report.docx')),
  );
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({
    error: {
      code: 'payload_too_large',
      message:
        'report.docx was refused: word/document.xml unpacks to more than 64 MB, the limit (a zip bomb or an oversized document)',
    },
  });
  expect(percentile(latencies, 99)).toBeLessThan(1_000);
}, 60_000);

it('answers a workbook of 1.5 million cells with a 413, and still reads an ordinary docx', async () => {
  const res = await upload(xlsxOfCells(150_000, { numbered: false }), 'cells.xlsx');
  expect(res.status).toBe(413);
  expect(((await res.json()) as any).error.message).toContain('more than 1,000,000 cells');
  const ok = await upload(minimalDocx([{ text: '附件正文。' }]), 'ok.docx');
  expect(ok.status).toBe(201);
  expect(((await ok.json()) as any).kind).toBe('document');
}, 60_000);
