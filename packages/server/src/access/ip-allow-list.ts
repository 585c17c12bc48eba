import { BlockList, isIP } from 'node:net';
import { AppError } from '@qiao/core';

/** Parses CIDR blocks ("10.0.0.0/8", "2001:db8::/32", or a bare address) with node's BlockList. */
export function ipAllowList(blocks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const block of blocks) {
    const [address = '', bits] = block.trim().split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new AppError('validation_failed', `"${block}" is not an IP address or CIDR block`);
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** True when the address is inside the list; an IPv4-mapped IPv6 address counts as IPv4. */
export function ipAllowed(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (!family) return false;
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
