import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @qiao/web` serves the UI with hot reload and forwards the API to a
// `qiao serve` on its default port.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/v1': api, '/health': api },
  },
  preview: { host: '127.0.0.1' },
  // the markdown chunk (KaTeX + highlighter, ~190 KB gzip) loads lazily after the chat shows
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
});
