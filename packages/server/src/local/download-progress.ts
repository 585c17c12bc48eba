import cliProgress from 'cli-progress';

export interface DownloadProgress {
  /** matches pullModel's onProgress */
  update: (received: number, total: number | undefined) => void;
  stop: () => void;
}

export interface DownloadProgressOptions {
  label?: string;
  stream?: NodeJS.WriteStream;
  /** how often a non-TTY stream gets a line */
  intervalMs?: number;
  now?: () => number;
}

/**
 * A bar with bytes, speed and ETA on a terminal; on pipes and CI logs, where a redrawn bar
 * turns into garbage, one plain line every few seconds and a final one.
 */
export function createDownloadProgress(options: DownloadProgressOptions = {}): DownloadProgress {
  const stream = options.stream ?? process.stderr;
  const label = options.label ?? 'download';
  const now = options.now ?? Date.now;
  const started = now();
  let last = { received: 0, total: undefined as number | undefined };
  const stats = (received: number, total: number | undefined) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const speed = received / seconds;
    const eta = total !== undefined && speed > 0 ? (total - received) / speed : undefined;
    return { speed: `${formatBytes(speed)}/s`, eta: eta === undefined ? '?' : formatDuration(eta) };
  };

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {speed} | ETA {etaText}`,
        formatValue: (value, _options, type) =>
          type === 'value' || type === 'total' ? formatBytes(value) : String(value),
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(received, total) {
        last = { received, total };
        const payload = stats(received, total);
        if (!begun) bar.start(total ?? 0, received, { ...payload, etaText: payload.eta });
        begun = true;
        if (total !== undefined) bar.setTotal(total);
        bar.update(received, { ...payload, etaText: payload.eta });
      },
      stop: () => bar.stop(),
    };
  }

  const intervalMs = options.intervalMs ?? 5000;
  let lastLine = Number.NEGATIVE_INFINITY;
  const line = () => {
    const { received, total } = last;
    const { speed, eta } = stats(received, total);
    const amount = total
      ? `${formatBytes(received)} / ${formatBytes(total)} (${Math.floor((received / total) * 100)}%)`
      : formatBytes(received);
    stream.write(`${label}: ${amount} ${speed} ETA ${eta}\n`);
    lastLine = now();
  };
  return {
    update(received, total) {
      last = { received, total };
      if (now() - lastLine >= intervalMs) line();
    },
    stop: line,
  };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${Math.ceil(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
