const maxTitleLength = 30;

/** A provisional title from the first user message: one line, about 30 characters. */
export function titleFromMessage(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= maxTitleLength) return line;
  return `${chars.slice(0, maxTitleLength).join('').trimEnd()}…`;
}
