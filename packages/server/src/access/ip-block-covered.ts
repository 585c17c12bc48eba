import { BlockList, isIP } from 'node:net';

interface Block {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

function parseBlock(block: string): Block | undefined {
  const [address = '', bits] = block.trim().split('/');
  const family = isIP(address);
  if (!family) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * True when every address of `block` lies inside one of the `parents` blocks: same family, a
 * prefix at least as long, and the block's address inside the parent. A block spanning two
 * adjacent parents is refused (conservative: narrow it). Malformed input is never covered.
 */
export function ipBlockCovered(parents: readonly string[], block: string): boolean {
  const child = parseBlock(block);
  if (!child) return false;
  return parents.some((text) => {
    const parent = parseBlock(text);
    if (!parent || parent.family !== child.family || parent.prefix > child.prefix) return false;
    const list = new BlockList();
    list.addSubnet(parent.address, parent.prefix, parent.family);
    return list.check(child.address, child.family);
  });
}
