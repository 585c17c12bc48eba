import { AppError, addUrlBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { assertPlainInput } from '../http/assert-plain-input';
import { readJson } from '../http/read-json';
import { addDocumentBytes, type IncomingDocument } from './add-document';
import { fetchUrlDocument } from './add-url-document';
import { deleteDocumentChunks } from './chunk-writer';
import {
  deleteDocument,
  getDocument,
  listDocuments,
  pendingStatuses,
  toDocumentDto,
  transitionDocument,
} from './document-store';
import { requireKbRole } from './kb-access';
import { knowledgeOf } from './knowledge-of';

/** Documents of a knowledge base and their ingestion jobs (status, progress, cancel, retry). */
export function documentRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;
  const writer = async (kbId: string, incoming: IncomingDocument) =>
    addDocumentBytes(
      { db, dataDir: deps.config.dataDir, knowledge: await knowledgeOf(deps) },
      kbId,
      incoming,
    );

  /** multipart/form-data, one or more `file` fields */
  app.post('/:id/documents', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    if (!c.req.header('content-type')?.includes('multipart/form-data'))
      throw new AppError(
        'unsupported_media_type',
        'Upload documents as multipart/form-data in "file" fields',
      );
    const form = await c.req.parseBody({ all: true }).catch((error: unknown) => {
      throw new AppError('bad_request', 'The upload is not valid multipart/form-data', { cause: error });
    });
    // a file name or field name with NUL would reach the database (issue 12 item 13)
    assertPlainInput(form);
    const files = [form.file].flat().filter((value): value is File => value instanceof File);
    if (files.length === 0) throw new AppError('bad_request', 'No "file" field in the upload');
    const documents = [];
    const rejected: { name: string; code: string; message: string }[] = [];
    for (const file of files) {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        documents.push(
          toDocumentDto(await writer(kb.id, { name: file.name, bytes, mimeType: file.type || undefined })),
        );
      } catch (error) {
        if (!AppError.is(error) || files.length === 1) throw error;
        rejected.push({ name: file.name, code: error.code, message: error.message });
      }
    }
    if (documents.length === 0)
      throw new AppError('bad_request', rejected.map((r) => `${r.name}: ${r.message}`).join('; '));
    return c.json({ documents, rejected }, 201);
  });

  app.post('/:id/documents/url', async (c) => {
    const body = await readJson(c, addUrlBody);
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    const incoming = await fetchUrlDocument(deps.config, body.url, c.req.raw.signal);
    return c.json(toDocumentDto(await writer(kb.id, incoming)), 201);
  });

  app.get('/:id/documents', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'read');
    return c.json({ documents: (await listDocuments(db, kb.id)).map(toDocumentDto) });
  });

  app.get('/:id/documents/:docId', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'read');
    return c.json(toDocumentDto(await getDocument(db, kb.id, c.req.param('docId'))));
  });

  app.delete('/:id/documents/:docId', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    const doc = await getDocument(db, kb.id, c.req.param('docId'));
    (await knowledgeOf(deps)).queue.abort(doc.id);
    await deleteDocumentChunks(db, kb.id, doc.id);
    await deleteDocument(db, doc.id);
    return c.body(null, 204);
  });

  app.post('/:id/documents/:docId/cancel', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    const doc = await getDocument(db, kb.id, c.req.param('docId'));
    const cancelled = await transitionDocument(db, doc.id, pendingStatuses, {
      status: 'cancelled',
      error: 'Cancelled by the user',
    });
    if (!cancelled)
      throw new AppError(
        'conflict',
        `The document is ${doc.status}; only queued or running jobs can be cancelled`,
      );
    (await knowledgeOf(deps)).queue.abort(doc.id);
    return c.json(toDocumentDto(await getDocument(db, kb.id, doc.id)));
  });

  app.post('/:id/documents/:docId/retry', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    const doc = await getDocument(db, kb.id, c.req.param('docId'));
    const requeued = await transitionDocument(db, doc.id, ['failed', 'cancelled'], {
      status: 'queued',
      progress: 0,
      attempts: 0,
      parseFailures: 0,
      error: null,
    });
    if (!requeued)
      throw new AppError(
        'conflict',
        `The document is ${doc.status}; only failed or cancelled jobs can be retried`,
      );
    await (await knowledgeOf(deps)).queue.enqueue(doc.id);
    return c.json(toDocumentDto(await getDocument(db, kb.id, doc.id)), 202);
  });

  return app;
}
