import { randomUUID } from 'node:crypto';

/** randomUUID draws from a pooled entropy buffer; randomBytes made a syscall per request. */
export function completionId(): string {
  return `chatcmpl-${randomUUID().replaceAll('-', '')}`;
}
