import { randomBytes } from 'node:crypto';

/**
 * A URL- and model-id-safe slug (`agent/<slug>`) from a name. Names in Chinese have no
 * useful ASCII form, so they get a short random one; people can set their own.
 */
export function slugFromName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = randomBytes(3).toString('hex');
  return ascii.length >= 3 ? `${ascii}-${suffix}` : `agent-${suffix}`;
}
