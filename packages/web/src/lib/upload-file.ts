import type { FileDto, TranscriptionDto } from '@qiao/core';
import { errorFrom } from './api';

async function postForm<T>(path: string, file: Blob, name: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, name);
  const response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin' });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

/** POST /api/files: the server extracts a document's text or keeps an image for vision models. */
export function uploadFile(file: File): Promise<FileDto> {
  return postForm<FileDto>('/api/files', file, file.name);
}

/** POST /api/transcriptions: recorded speech to text through the configured provider. */
export async function transcribe(audio: Blob): Promise<string> {
  const extension = audio.type.includes('ogg') ? 'ogg' : audio.type.includes('wav') ? 'wav' : 'webm';
  return (await postForm<TranscriptionDto>('/api/transcriptions', audio, `speech.${extension}`)).text;
}
