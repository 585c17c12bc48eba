import { AppError } from '@qiao/core';
import { z } from 'zod';
import { defineTool } from '../tool';
import type { ToolFetch } from '../tool-fetch';
import { htmlToMarkdown } from './html-to-markdown';

const maxChars = 12_000;

/** Fetches one page (SSRF-checked, redirects re-checked) and returns its main content as markdown. */
export function readUrlTool(fetch: ToolFetch) {
  return defineTool({
    name: 'read_url',
    description:
      'Reads a web page and returns its main content as markdown (title, headings, links). Use it when the user gives a URL or a search result needs reading in full.',
    schema: z.object({ url: z.url({ protocol: /^https?$/ }).describe('an http(s) URL') }),
    async execute({ url }, { signal }) {
      const response = await fetch(url, {
        signal,
        maxBytes: 3 * 1024 * 1024,
        headers: {
          accept: 'text/html,text/plain;q=0.9,*/*;q=0.5',
          'user-agent': 'Qiao/0.1 (+read_url tool)',
        },
      });
      if (response.status >= 400)
        throw new AppError(
          'upstream_error',
          `${new URL(response.url).host} answered HTTP ${response.status}`,
        );
      const type = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase();
      const raw = Buffer.from(response.body).toString('utf8');
      let title = '';
      let markdown: string;
      if (type === 'text/html' || type === 'application/xhtml+xml' || (!type && /^\s*</.test(raw))) {
        ({ title, markdown } = htmlToMarkdown(raw, response.url));
      } else if (type.startsWith('text/') || type === 'application/json' || type.endsWith('+json')) {
        markdown = raw;
      } else {
        throw new AppError(
          'unsupported_media_type',
          `${response.url} is ${type}, which read_url cannot read`,
        );
      }
      const cut = markdown.length > maxChars;
      const body = cut ? `${markdown.slice(0, maxChars)}\n\n[… cut at ${maxChars} characters]` : markdown;
      return {
        text: `${title ? `# ${title}\n` : ''}URL: ${response.url}\n\n${body}`,
        data: { url: response.url, title, truncated: cut },
        sources: [{ url: response.url, ...(title ? { title } : {}) }],
      };
    },
  });
}
