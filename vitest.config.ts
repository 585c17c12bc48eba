import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/web/src/**/*.test.tsx',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite and llama.cpp are heavy: two workers match the two cores we have.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // A test file in a fresh process spent seconds importing the server before its first test
    // (the embedded run took 955 s with a process per file, 618 s without). Test files share no
    // module state that matters: config is passed in, each test app opens its own database,
    // and nothing is mocked.
    isolate: false,
  },
});
