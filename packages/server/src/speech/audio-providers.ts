import type { AppDeps } from '../http/app-env';
import { buildProviderConfigs, type ProviderConfig } from '../providers/provider-config';
import { listStoredProviders } from '../providers/provider-store';

/** Presets whose API has OpenAI's /audio endpoints, with the models to ask for. */
export const audioPresets: Readonly<
  Record<string, { speech?: { model: string; voice: string }; transcription?: { model: string } }>
> = {
  openai: { speech: { model: 'tts-1', voice: 'alloy' }, transcription: { model: 'whisper-1' } },
  siliconflow: {
    speech: { model: 'FunAudioLLM/CosyVoice2-0.5B', voice: 'FunAudioLLM/CosyVoice2-0.5B:anna' },
    transcription: { model: 'FunAudioLLM/SenseVoiceSmall' },
  },
};

export interface AudioProvider {
  provider: ProviderConfig;
  model: string;
  voice?: string;
}

/** The first configured provider that can speak (or transcribe), if any. */
export async function findAudioProvider(
  deps: AppDeps,
  use: 'speech' | 'transcription',
): Promise<AudioProvider | undefined> {
  const stored = await listStoredProviders(deps.database.db, deps.config.secret);
  return pickAudioProvider(buildProviderConfigs(deps.config, stored), use);
}

/** The first of `providers` that can speak (or transcribe). */
export function pickAudioProvider(
  providers: Iterable<ProviderConfig>,
  use: 'speech' | 'transcription',
): AudioProvider | undefined {
  for (const provider of providers) {
    const audio = provider.preset ? audioPresets[provider.preset]?.[use] : undefined;
    if (audio && provider.protocol === 'openai-compatible') return { provider, ...audio };
  }
  return undefined;
}
