/** `provider/model` ids, `provider/*` or `agent/*` patterns, and `*`; case-sensitive like ids. */
export function modelAllowed(patterns: readonly string[], model: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === model || (p.endsWith('/*') && model.startsWith(p.slice(0, -1))),
  );
}
