import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { limitBody } from '../http/limit-body';
import { extractText } from './extract-text';
import { getOwnFiles, readFileBytes, saveFile, toFileDto } from './file-store';
import { multipartOverheadBytes, readUpload } from './read-upload';
import { userContentHeaders } from './user-content-headers';

/** Mounted at /api/files: uploads to attach to a message. */
export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.post('/', limitBody(config.maxUploadBytes + multipartOverheadBytes), async (c) => {
    const file = await readUpload(c, config.maxUploadBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file.name.replace(/[\\/]/g, '_').slice(0, 255) || 'file';
    const extracted = await extractText(bytes, name, file.type, config.parse);
    const row = await saveFile(deps.database.db, config.dataDir, c.get('auth').userId, {
      name,
      bytes,
      ...extracted,
    });
    return c.json(toFileDto(row), 201);
  });

  // The bytes of one's own upload; private, never cached shared. Only raster images and audio
  // are shown in place: an uploaded page or SVG would otherwise run script on Qiao's origin.
  app.get('/:id/content', async (c) => {
    const [row] = await getOwnFiles(deps.database.db, c.get('auth').userId, [c.req.param('id')]);
    const bytes = await readFileBytes(config.dataDir, row!);
    for (const [name, value] of Object.entries(userContentHeaders(row!.mimeType, row!.name)))
      c.header(name, value);
    c.header('Cache-Control', 'private, max-age=86400');
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
