import { AppError } from '@qiao/core';
import { message } from './loaded-model';

const maxRedirects = 10;
const sha256Pattern = /^(?:W\/)?"?([0-9a-f]{64})"?$/i;

export interface ModelFileResponse {
  response: Response;
  /** what Hugging Face says the LFS file hashes to, from any hop of the redirect chain */
  advertisedSha256: string | undefined;
}

/**
 * Follows redirects by hand: Hugging Face answers /resolve/ with a redirect to its CDN and
 * puts the file's sha256 in X-Linked-Etag on that redirect, which fetch's automatic
 * following would hide.
 */
export async function fetchModelFile(
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<ModelFileResponse> {
  let current = url;
  let linked: string | undefined;
  let etag: string | undefined;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      if (signal?.aborted) throw new AppError('cancelled', 'The download was cancelled', { cause: error });
      throw new AppError('upstream_unavailable', `Cannot reach ${new URL(current).host}: ${message(error)}`, {
        cause: error,
      });
    }
    linked ??= sha256Pattern.exec(response.headers.get('x-linked-etag') ?? '')?.[1];
    etag ??= sha256Pattern.exec(response.headers.get('etag') ?? '')?.[1];
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).href;
      continue;
    }
    if (!response.ok && response.status !== 416) {
      await response.body?.cancel();
      throw httpError(url, response.status);
    }
    return { response, advertisedSha256: (linked ?? etag)?.toLowerCase() };
  }
  throw new AppError('upstream_error', `Too many redirects while downloading ${url}`);
}

function httpError(url: string, status: number): AppError {
  if (status === 404) return new AppError('not_found', `No such model file: ${url} (HTTP 404)`);
  if (status === 401 || status === 403) {
    return new AppError(
      'forbidden',
      `${url} needs authorization (HTTP ${status}); gated models must be downloaded by hand`,
    );
  }
  return new AppError(
    status >= 500 ? 'upstream_error' : 'bad_request',
    `Downloading ${url} failed with HTTP ${status}`,
  );
}
