import ipaddr from 'ipaddr.js';

/** IANA's global unicast block: every IPv6 address outside it is special-purpose or unassigned. */
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * True only for globally routable unicast addresses. Everything else (loopback, private,
 * carrier-grade NAT, link-local incl. the cloud metadata address 169.254.169.254, multicast,
 * unspecified, unique-local fc00::/7, site-local, IPv4-mapped/compatible/translated IPv6,
 * 6to4, Teredo, reserved) could reach this host or its network. IPv6 is an allow-list —
 * inside 2000::/3 and not one of its special blocks — because ipaddr.js calls any address
 * it has no name for "unicast", e.g. the deprecated IPv4-compatible `::127.0.0.1`.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || (parsed as ipaddr.IPv6).match(globalUnicast);
}

/** An IP literal as the URL parser leaves it ("[::1]" keeps its brackets), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare) ? bare : null;
}
