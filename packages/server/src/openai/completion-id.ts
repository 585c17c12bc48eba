import { randomBytes } from 'node:crypto';

export function completionId(): string {
  return `chatcmpl-${randomBytes(12).toString('base64url')}`;
}
