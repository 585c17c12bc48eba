import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type RemoteAddress = (c: Context) => string | undefined;

/** The peer address from Node's socket; undefined without one (e.g. `app.request()` in tests). */
export const socketAddress: RemoteAddress = (c) => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

/**
 * True only for a direct connection from this machine. A forwarding header means a proxy
 * (which itself may sit on loopback) relayed someone else's request, so that does not count.
 */
export function isLoopbackRequest(c: Context, remoteAddress: RemoteAddress = socketAddress): boolean {
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
  const address = remoteAddress(c);
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}
