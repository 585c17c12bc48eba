import { AppError, type KbDocumentDto, searchBody } from '@qiao/core';
import type { Config } from '../config';
import type { Database } from '../db';
import type { Gateway } from '../gateway/gateway';
import { parseWith } from '../http/parse-with';
import { addDocumentBytes } from '../knowledge/add-document';
import { deleteDocumentChunks } from '../knowledge/chunk-writer';
import { documentIdsOf, getDocument, toDocumentDto } from '../knowledge/document-store';
import { requireKbRole } from '../knowledge/kb-access';
import {
  createKnowledgeBase,
  deleteKnowledgeBase,
  describeKnowledgeBase,
  findKnowledgeBaseByName,
  listKnowledgeBases,
} from '../knowledge/kb-store';
import { type KnowledgeService, startKnowledge } from '../knowledge/knowledge-service';
import { retrieve } from '../knowledge/retrieve';
import { findFirstAdmin } from '../users/user-store';
import type { KbCliBackend } from './kb-cli-backend';

/**
 * `qiao kb` on the database itself, acting as the first admin (as the server's local token
 * does). Ingestion runs in this process; unfinished work is resumed by the next `qiao serve`.
 */
export function directKbBackend(deps: {
  config: Config;
  database: () => Promise<Database>;
  gateway: () => Promise<Gateway>;
}): KbCliBackend {
  let service: Promise<KnowledgeService> | undefined;
  const knowledge = () =>
    (service ??= Promise.all([deps.database(), deps.gateway()]).then(([database, gateway]) =>
      startKnowledge({ config: deps.config, database, gateway }, { resume: false }),
    ));
  const context = async () => {
    const { db } = await deps.database();
    const admin = await findFirstAdmin(db);
    if (!admin)
      throw new AppError(
        'not_found',
        'There is no admin yet: create one with `qiao users create --name NAME --password PASSWORD --admin`',
      );
    return { db, userId: admin.id };
  };
  const kbNamed = async (name: string) => {
    const { db, userId } = await context();
    const kb = await findKnowledgeBaseByName(db, userId, name);
    if (!kb) throw new AppError('not_found', `No knowledge base named "${name}"`);
    return { db, userId, kb };
  };

  return {
    async create(name) {
      const { db, userId } = await context();
      return describeKnowledgeBase(db, await createKnowledgeBase(db, userId, { name }), 'manage');
    },
    async list() {
      const { db, userId } = await context();
      return listKnowledgeBases(db, userId);
    },
    async remove(name) {
      const { db, userId, kb } = await kbNamed(name);
      await requireKbRole(db, userId, kb.id, 'manage');
      for (const id of await documentIdsOf(db, kb.id)) await deleteDocumentChunks(db, kb.id, id);
      await deleteKnowledgeBase(db, kb.id);
    },
    async upload(name, file): Promise<KbDocumentDto> {
      const { db, userId, kb } = await kbNamed(name);
      await requireKbRole(db, userId, kb.id, 'write');
      const row = await addDocumentBytes(
        { db, dataDir: deps.config.dataDir, knowledge: await knowledge() },
        kb.id,
        { name: file.name, bytes: file.bytes },
      );
      return toDocumentDto(row);
    },
    async document(name, documentId) {
      const { db, kb } = await kbNamed(name);
      return toDocumentDto(await getDocument(db, kb.id, documentId));
    },
    async search(name, query, topK) {
      const { db, userId, kb } = await kbNamed(name);
      const body = parseWith(searchBody, { query, topK });
      const result = await retrieve(
        { db, config: deps.config, gateway: await deps.gateway() },
        { userId, kbIds: [kb.id], query: body.query, topK: body.topK },
      );
      return {
        mode: result.mode,
        hits: result.hits,
        notes: result.notes,
        scoreThreshold: result.settings.scoreThreshold,
      };
    },
    async close() {
      await service?.then((started) => started.close()).catch(() => {});
    },
  };
}
