/** What people see: the address as configured. */
export function displayUrl(host: string, port: number): string {
  return `http://${bracket(host)}:${port}`;
}

/** What a local client dials: wildcard binds are reached through loopback. */
export function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0') return displayUrl('127.0.0.1', port);
  if (host === '::' || host === '[::]') return displayUrl('::1', port);
  return displayUrl(host, port);
}

function bracket(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
