import type { Db } from '../db';
import { countUsers } from '../users/user-store';

/**
 * What `qiao serve` prints on start while no account exists; null once one does. `where` is
 * the port or the local base URL (setup only works from loopback, so it should be one).
 */
export async function firstRunNotice(db: Db, where: number | string): Promise<string | null> {
  return (await countUsers(db)) === 0 ? formatFirstRunNotice(where) : null;
}

export function formatFirstRunNotice(where: number | string): string {
  const base = typeof where === 'number' ? `http://127.0.0.1:${where}` : where.replace(/\/+$/, '');
  return [
    'No accounts exist yet. Create the first administrator in one of two ways:',
    `  • open ${base}/setup in a browser on this machine, or`,
    "  • run: npx qiao users create --name admin --password '<choose a strong password>' --admin",
  ].join('\n');
}
