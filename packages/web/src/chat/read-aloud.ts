import { useSyncExternalStore } from 'react';
import { errorFrom } from '../lib/api';

type Listener = () => void;

/** One answer is read aloud at a time; starting another stops the first. */
class Speaker {
  playing: string | undefined;
  private audio: HTMLAudioElement | undefined;
  private url: string | undefined;
  private listeners = new Set<Listener>();

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async toggle(id: string, text: string, lang: string): Promise<void> {
    const wasPlaying = this.playing === id;
    this.stop();
    if (wasPlaying) return;
    this.set(id);
    const response = await fetch('/api/speech', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text.slice(0, 4000), lang }),
      credentials: 'same-origin',
    });
    if (!response.ok) {
      this.set(undefined);
      throw await errorFrom(response);
    }
    const blob = await response.blob();
    if (this.playing !== id) return;
    this.url = URL.createObjectURL(blob);
    this.audio = new Audio(this.url);
    this.audio.dataset.testid = 'speech-audio';
    this.audio.addEventListener('ended', () => this.stop());
    try {
      await this.audio.play();
    } catch (error) {
      // undecodable audio or a browser that refuses to play: back to the idle button
      if (this.playing === id) this.stop();
      throw error;
    }
  }

  stop(): void {
    this.audio?.pause();
    this.audio = undefined;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.set(undefined);
  }

  private set(id: string | undefined): void {
    this.playing = id;
    for (const listener of [...this.listeners]) listener();
  }
}

export const speaker = new Speaker();

export function useSpeaking(id: string): boolean {
  return useSyncExternalStore(speaker.subscribe, () => speaker.playing === id);
}
