/**
 * Leading characters a spreadsheet skips before deciding a cell is a formula: whitespace of any
 * script (incl. no-break and ideographic spaces), control characters (tab, CR, LF, …) and
 * invisible format characters (zero-width, BOM, bidi controls).
 */
const skipped = /^[\s\p{Cc}\p{Cf}]*/u;
/** = + - @ and their full-width forms, which some spreadsheet locales accept as well */
const formulaStart = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One CSV cell, always quoted (RFC 4180), and inert in a spreadsheet (OWASP CSV injection):
 * a value that starts with a control or whitespace character, or whose first visible character
 * would start a formula, gets a leading apostrophe, so it reads as text.
 */
export function csvCell(value: unknown): string {
  const text = value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const rest = text.replace(skipped, '');
  const risky = formulaStart.test(rest) || /^[\t\r\n]/.test(text);
  return `"${(risky ? `'${text}` : text).replaceAll('"', '""')}"`;
}
