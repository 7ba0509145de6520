import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The launcher's contract with a process manager (docs/production.md, Process life): it exits 0 only when
 * a stop signal asked it to and the server drained cleanly; any other end of the server, or a failure of
 * the launcher itself, exits non-zero so restart-on-failure fires.
 */
export interface Supervisor {
  /** true once a stop signal arrived: start-up steps check it before going on */
  readonly stopping: boolean;
  run(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess;
  /** ends the launcher: cleanup runs once, then exit with `code` */
  exit(code: number): Promise<never>;
}

export function supervise(cleanup: () => Promise<void>): Supervisor {
  let stopping = false;
  let child: ChildProcess | null = null;
  let exiting: Promise<never> | null = null;

  const exit = (code: number): Promise<never> =>
    (exiting ??= (async () => {
      try {
        await cleanup();
      } catch (error) {
        console.error('[launcher] cleanup failed:', error instanceof Error ? error.message : error);
        code ||= 1;
      }
      process.exit(code);
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[launcher] ${signal}: stopping${child ? ' the server (it drains first)' : ''}`);
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else if (!child) void exit(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const crash = (what: string) => (error: unknown) => {
    console.error(`[launcher] ${what}:`, error instanceof Error ? error.stack ?? error.message : error);
    if (child && child.exitCode === null) child.kill('SIGTERM');
    void exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));

  return {
    get stopping() {
      return stopping;
    },
    run(cmd, args, env) {
      child = spawn(cmd, args, { stdio: 'inherit', env });
      console.log(`[launcher] server process ${child.pid} started`);
      child.on('exit', (code, signal) => {
        if (stopping && code === 0) {
          console.log('[launcher] server stopped cleanly');
          void exit(0);
          return;
        }
        console.error(`[launcher] server process ended ${signal ? `by ${signal}` : `with code ${code}`}${stopping ? ' while stopping' : ' unexpectedly'}`);
        void exit(code || 1);
      });
      return child;
    },
    exit,
  };
}
