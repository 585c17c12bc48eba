/**
 * Routes that take uploads bigger than QIAO_MAX_BODY_BYTES: the app-wide body limit skips
 * them and they apply QIAO_MAX_UPLOAD_BYTES themselves.
 */
export const uploadPaths: ReadonlySet<string> = new Set(['/api/files', '/api/transcriptions']);
