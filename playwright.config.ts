import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The runner and its workers load this file separately; the environment carries one choice to all.
process.env.E2E_PORT ??= '3917';
process.env.E2E_SIM_PORT ??= '3918';
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'marginwatch-e2e-'));
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
/** Specs that start and stop marginwatch instances of their own beside the suite's web server. */
const OWN_INSTANCE = [/\/e2e\/ops\/[^/]+\.spec\.ts$/, /\/e2e\/accounts-scale\.spec\.ts$/];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    // The app honours reduced motion (`motion-safe:`); the suite asks for it, since the live dot's endless pulse kept
    // software-rendered Chromium repainting, which made key presses and page scripts several times slower.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: this machine cannot download Playwright's own browser builds.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    // Read-only specs first: they assert demo figures that the key and exit specs change on purpose.
    { name: 'chromium', dependencies: ['setup'], testIgnore: [/.*\.setup\.ts/, /final\//, /mutations\//, ...OWN_INSTANCE] },
    { name: 'mutations', dependencies: ['chromium'], testMatch: /mutations\/.*\.spec\.ts/ },
    { name: 'final', dependencies: ['mutations'], testMatch: /final\/.*\.spec\.ts/ },
    // Specs that start instances of their own (own data folder, ports and simulator) never touch the suite's server.
    // Listed after `final` with the same dependency, they run beside it and use the worker the outage spec leaves idle
    // while it waits out the exchange's Retry-After (like `final`, they do not run when an earlier project failed).
    { name: 'own-instance', dependencies: ['mutations'], testMatch: OWN_INSTANCE },
  ],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/api/health`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      MARGINWATCH_DEMO: 'true',
      MARGINWATCH_SIM_PORT: process.env.E2E_SIM_PORT,
      // A fresh embedded database every run, whatever the developer's shell points at.
      DATABASE_URL: '',
      MARGINWATCH_SECRET_KEY: '',
      AUTH_SECRET: '',
    },
  },
});
