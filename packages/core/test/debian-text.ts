// Real text the project did not write, for counting false positives of the safety engines.
// Debian ships it (debian-reference-zh-cn, manpages-zh; .ci/run installs both). Tests that use
// it skip with `debianTextMissing` as the reason when the packages are absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const referenceText = '/usr/share/debian-reference/debian-reference.zh-cn.txt.gz';
const manDir = '/usr/share/man/zh_CN/man1';

export const debianTextMissing =
  existsSync(referenceText) && existsSync(manDir)
    ? undefined
    : 'Debian packages debian-reference-zh-cn and manpages-zh are not installed';

/** Non-empty lines of the Debian Reference (Simplified Chinese), as plain text. */
export function debianReferenceLines(): string[] {
  return nonEmptyLines(gunzipSync(readFileSync(referenceText)).toString('utf8'));
}

/** Non-empty lines of the first `limit` Chinese man pages of section 1, roff requests removed. */
export function chineseManPageLines(limit = 80): string[] {
  const pages = readdirSync(manDir)
    .filter((name) => name.endsWith('.gz'))
    .sort()
    .slice(0, limit);
  return pages.flatMap((name) => {
    const roff = gunzipSync(readFileSync(join(manDir, name))).toString('utf8');
    return nonEmptyLines(roff).filter((line) => !line.startsWith('.') && !line.startsWith("'"));
  });
}

function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
