import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests run server code directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'sim/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // initdb once per run; test databases start from its copy (lib/testing/pglite-templates.ts).
    globalSetup: ['lib/testing/pglite-templates.ts'],
    testTimeout: 30_000,
    // A set-up that starts a simulator and refreshes the whole demo took over 60 s on a loaded 2-core machine;
    // the ceiling only has to catch a hang.
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core CI machine, though
    // most of a database suite's time is spent waiting on its simulator, child processes and timers.
    maxWorkers: 2,
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; let Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
  },
});
