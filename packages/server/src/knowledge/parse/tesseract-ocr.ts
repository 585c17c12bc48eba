import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { childProcessEnv } from '../../config';
import { normalizeKeepingPunctuation } from './decode-text';

const run = promisify(execFile);
let installed: Promise<string[] | null> | undefined;

/** The languages tesseract can read here, or null when the CLI is missing (checked once). */
export function tesseractLanguages(): Promise<string[] | null> {
  installed ??= run('tesseract', ['--list-langs'], { timeout: 10_000 }).then(
    ({ stdout, stderr }) =>
      `${stdout}\n${stderr}`
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean),
    () => null,
  );
  return installed;
}

export const ocrInstallHint =
  'install the Debian packages tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-eng';

/**
 * Runs tesseract on one image (any format it reads: PNG, JPEG, TIFF, PNM) with Simplified
 * Chinese and English. Tesseract puts spaces between Chinese characters; they are removed.
 */
export async function recognizeText(
  image: Uint8Array,
  languages: string[],
  signal?: AbortSignal,
): Promise<string> {
  const wanted = ['chi_sim', 'eng'].filter((lang) => languages.includes(lang));
  const child = spawn('tesseract', ['stdin', 'stdout', '-l', wanted.join('+') || 'eng'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // one thread per page: OpenMP's default of all cores would starve live chat streams
    env: childProcessEnv({ OMP_THREAD_LIMIT: '1' }),
    timeout: 120_000,
    ...(signal ? { signal } : {}),
  });
  const output: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (part: Buffer) => output.push(part));
  child.stderr.on('data', (part: Buffer) => errors.push(part));
  child.stdin.on('error', () => {}); // tesseract may exit before reading all input; the exit code says why
  child.stdin.end(image);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0)
    throw new Error(`tesseract failed: ${Buffer.concat(errors).toString().trim().slice(0, 200)}`);
  return normalizeKeepingPunctuation(Buffer.concat(output).toString('utf8'))
    .replace(/(?<=[\p{Script=Han}，。！？；：、])[ \t]+(?=[\p{Script=Han}，。！？；：、])/gu, '')
    .trim();
}
