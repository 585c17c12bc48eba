import type { Command } from 'commander';
import type { CliContext } from './cli-context';

export function modelsPullCommand(models: Command, ctx: CliContext): void {
  models
    .command('pull')
    .description('download a GGUF for the local runtime (resumable, checksum-verified)')
    .argument('<name>', '`owner/repo/file.gguf`, `hf:owner/repo:file.gguf` or an https URL')
    .option('--sha256 <hex>', 'expected SHA-256 of the file')
    .action(async (name: string, options: { sha256?: string }) => {
      const config = ctx.config();
      // loaded on demand: the GGUF checks pull in node-llama-cpp, which other commands never need
      const { pullModel } = await import('../local/pull-model');
      const { createDownloadProgress, formatBytes } = await import('../local/download-progress');
      const progress = createDownloadProgress({ label: name });
      let pulled: Awaited<ReturnType<typeof pullModel>>;
      try {
        pulled = await pullModel({
          name,
          config,
          sha256: options.sha256,
          onProgress: progress.update,
          signal: ctx.signal,
        });
      } finally {
        progress.stop();
      }
      ctx.out(`Saved ${pulled.path} (${formatBytes(pulled.bytes)}, sha256 ${pulled.sha256})\n`);
    });
}
