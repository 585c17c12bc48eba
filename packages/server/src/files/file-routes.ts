import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { limitBody } from '../http/limit-body';
import { extractText } from './extract-text';
import { getOwnFiles, readFileBytes, saveFile, toFileDto } from './file-store';
import { multipartOverheadBytes, readUpload } from './read-upload';

/** Mounted at /api/files: uploads to attach to a message. */
export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.post('/', limitBody(config.maxUploadBytes + multipartOverheadBytes), async (c) => {
    const file = await readUpload(c, config.maxUploadBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file.name.replace(/[\\/]/g, '_').slice(0, 255) || 'file';
    const extracted = await extractText(bytes, name, file.type);
    const row = await saveFile(deps.database.db, config.dataDir, c.get('auth').userId, {
      name,
      bytes,
      ...extracted,
    });
    return c.json(toFileDto(row), 201);
  });

  // The bytes of one's own upload (image previews in the history); private, never cached shared.
  app.get('/:id/content', async (c) => {
    const [row] = await getOwnFiles(deps.database.db, c.get('auth').userId, [c.req.param('id')]);
    const bytes = await readFileBytes(config.dataDir, row!);
    c.header('Content-Type', row!.mimeType);
    c.header('Cache-Control', 'private, max-age=86400');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(row!.name)}`);
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
