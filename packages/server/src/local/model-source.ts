import { AppError } from '@qiao/core';

export interface ModelSource {
  url: string;
  /** the name it gets in `<dataDir>/models` */
  fileName: string;
}

/**
 * `owner/repo/file.gguf`, `hf:owner/repo:file.gguf`, `hf:owner/repo/file.gguf` or a full
 * https URL. Hugging Face names resolve on the configured endpoint (a mirror works too).
 */
export function parseModelSource(name: string, hfEndpoint: string): ModelSource {
  const trimmed = name.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw invalid(name, 'it is not a valid URL');
    }
    return {
      url: url.href,
      fileName: checkedFileName(name, decodeURIComponent(url.pathname.split('/').at(-1) ?? '')),
    };
  }
  const hf = /^(?:hf:)?([\w.-]+)\/([\w.-]+)[/:](.+)$/.exec(trimmed);
  if (!hf) throw invalid(name, 'use owner/repo/file.gguf, hf:owner/repo:file.gguf or an https URL');
  const [, owner, repo, file] = hf as unknown as [string, string, string, string];
  if (file.split('/').some((segment) => segment === '..' || segment === '' || segment === '.')) {
    throw invalid(name, 'the file path is not allowed');
  }
  const path = file.split('/').map(encodeURIComponent).join('/');
  return {
    url: `${hfEndpoint.replace(/\/$/, '')}/${owner}/${repo}/resolve/main/${path}`,
    fileName: checkedFileName(name, file.split('/').at(-1) ?? ''),
  };
}

function checkedFileName(name: string, fileName: string): string {
  if (!/\.gguf$/i.test(fileName)) throw invalid(name, 'the file must be a .gguf file');
  if (!/^[^/\\\0]+$/.test(fileName) || fileName.startsWith('.'))
    throw invalid(name, 'the file name is not allowed');
  return fileName;
}

function invalid(name: string, reason: string): AppError {
  return new AppError('bad_request', `Cannot pull "${name}": ${reason}`);
}
