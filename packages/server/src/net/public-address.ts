import ipaddr from 'ipaddr.js';

/**
 * True only for globally routable unicast addresses. Everything else (loopback, private,
 * carrier-grade NAT, link-local incl. the cloud metadata address 169.254.169.254, multicast,
 * unspecified, unique-local fc00::/7, IPv4-mapped/translated IPv6, 6to4, Teredo, reserved)
 * could reach this host or its network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.parse(address).range() === 'unicast';
}

/** An IP literal as the URL parser leaves it ("[::1]" keeps its brackets), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare) ? bare : null;
}
