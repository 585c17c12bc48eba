import { spawn, spawnSync } from 'node:child_process';
import { AppError } from '@qiao/core';

let available: boolean | undefined;

/** Whether espeak-ng is installed (asked once per process). */
export function hasEspeak(): boolean {
  available ??= spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
  return available;
}

/** The language the text is read in: the one asked for, else Chinese when it has Han characters. */
export function speechLang(text: string, lang?: 'zh-CN' | 'en'): 'zh-CN' | 'en' {
  return lang ?? (/\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en');
}

/** Mandarin gets the pinyin voice; anything else English. */
export function espeakVoice(text: string, lang?: 'zh-CN' | 'en'): string {
  return speechLang(text, lang) === 'zh-CN' ? 'cmn-latn-pinyin' : 'en';
}

/**
 * WAV bytes of `text`. No shell is involved and the text goes in on stdin, so nothing in it
 * can become an option or a command.
 */
export function espeakWav(text: string, voice: string, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['-v', voice, '--stdout'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal,
      timeout: 30_000,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', (error) =>
      reject(new AppError('internal', 'espeak-ng could not be run', { cause: error })),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new AppError('internal', `espeak-ng failed (${code}): ${err.slice(0, 200)}`));
    });
    child.stdin.end(text);
  });
}
