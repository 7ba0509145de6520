import { spawn, type ChildProcess } from 'node:child_process';
import { logger } from '@/lib/server/log/logger';

// The launcher's lines go to the same scrubbed log as the server's (docs/production.md, Logs): a crash's error
// may quote a connection URL or a query's parameters.
const log = logger('launcher');

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
        log.error({ err: error }, 'cleanup failed');
        code ||= 1;
      }
      process.exit(code);
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: stopping${child ? ' the server (it drains first)' : ''}`);
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else if (!child) void exit(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const crash = (what: string) => (error: unknown) => {
    log.fatal({ err: error }, what);
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
      log.info({ pid: child.pid }, 'server process started');
      child.on('exit', (code, signal) => {
        if (stopping && code === 0) {
          log.info('server stopped cleanly');
          void exit(0);
          return;
        }
        log.error({ code, signal }, `server process ended ${signal ? `by ${signal}` : `with code ${code}`}${stopping ? ' while stopping' : ' unexpectedly'}`);
        void exit(code || 1);
      });
      return child;
    },
    exit,
  };
}
