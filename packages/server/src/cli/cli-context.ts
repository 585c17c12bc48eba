import { type Config, loadConfig } from '../config';

/** What every command gets: configuration loaded on demand, output, and Ctrl+C as a signal. */
export interface CliContext {
  /** throws AppError('validation_failed') with one readable line when the environment is bad */
  config(): Config;
  /** set once config() has succeeded; main uses it to decide on stack traces */
  loadedConfig(): Config | undefined;
  /** aborted on SIGINT/SIGTERM: streams stop, `serve` shuts down */
  signal: AbortSignal;
  out(text: string): void;
  err(text: string): void;
}

export function createCliContext(signal: AbortSignal): CliContext {
  let config: Config | undefined;
  return {
    config: () => (config ??= loadConfig()),
    loadedConfig: () => config,
    signal,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}
