/** Runs once when the Next.js server starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A bad setting stops the server here with the variable's name, not later inside a request.
  const { getEnv } = await import('@/lib/env');
  getEnv();
  // Under the launcher (npm start) stop signals drain the work first; `next dev` keeps Next's own handling.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { installShutdown } = await import('@/lib/server/shutdown');
    installShutdown();
  }
  const { startRefreshScheduler } = await import('@/lib/server/refresh/scheduler');
  startRefreshScheduler();
  const { logger } = await import('@/lib/server/log/logger');
  logger('refresh').info('scheduler started');
  // Live history and live alerts run whether or not a page listens (docs/live.md#server).
  const { startLiveSupervisor } = await import('@/lib/server/live/supervisor');
  startLiveSupervisor();
  const { startExitResumer } = await import('@/lib/server/exit/resumer');
  startExitResumer();
  const { startAlertSender } = await import('@/lib/server/alerts/sender');
  startAlertSender();
}
