/** "reports/2024 年报.pdf" → "2024 年报": the default title of a document. */
export function baseName(filename: string): string {
  const name = filename.split(/[\\/]/).pop() ?? filename;
  return name.replace(/\.[^.]+$/, '') || name;
}
