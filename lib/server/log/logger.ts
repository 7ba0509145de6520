import 'server-only';
import pino, { type Logger } from 'pino';
import { scrub } from './redact';
import { prettyLine } from './pretty';

export type { Logger };

type Sink = (line: string) => void;
const holder = globalThis as typeof globalThis & { __marginwatchLogSink?: Sink; __marginwatchLogger?: Logger };

const stdout: Sink = (line) => void process.stdout.write(line);

/**
 * One logger per process: JSON lines (level, time, context, msg, fields) in production, a readable line in
 * development (`LOG_FORMAT` overrides; docs/production.md, Logs). Every argument passes through `scrub`
 * before pino sees it, so a secret field or a SQL parameter never reaches a line, whoever logs it.
 */
function root(): Logger {
  if (holder.__marginwatchLogger) return holder.__marginwatchLogger;
  const logger = pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      // `err` is already a plain, scrubbed object (redact.ts): pino's own error serializer would re-read it.
      serializers: { err: (err: unknown) => err },
      formatters: { level: (label) => ({ level: label }), bindings: (b) => scrub(b) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // An Error as the only object: keep its text as the message, its details under `err`.
          const head = first instanceof Error ? { err: scrub(first) } : scrub(first);
          const tail = first instanceof Error && rest.length === 0 ? [(first as Error).message] : rest;
          method.apply(this, [head, ...tail.map((a) => scrub(a))] as Parameters<typeof method>);
        },
      },
    },
    // The sink and the form are looked up per line: loggers made at import time follow a test's capture.
    { write: (line: string) => (holder.__marginwatchLogSink ?? stdout)(jsonLines() ? line : prettyLine(line)) },
  );
  holder.__marginwatchLogger = logger;
  return logger;
}

function jsonLines(): boolean {
  return (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === 'production' ? 'json' : 'pretty')) === 'json';
}

/** A logger for one part of the app: every line carries `context` (refresh, exit, api, …). */
export function logger(context: string, fields: Record<string, unknown> = {}): Logger {
  return root().child({ context, ...fields });
}

/** Tests: every line written until `stop()`, in the JSON form. */
export function captureLogsForTesting(): { lines: () => string[]; text: () => string; stop: () => void } {
  const lines: string[] = [];
  const previous = holder.__marginwatchLogSink;
  const format = process.env.LOG_FORMAT;
  holder.__marginwatchLogSink = (line) => void lines.push(line);
  process.env.LOG_FORMAT = 'json';
  return {
    lines: () => [...lines],
    text: () => lines.join(''),
    stop: () => {
      holder.__marginwatchLogSink = previous;
      if (format === undefined) delete process.env.LOG_FORMAT;
      else process.env.LOG_FORMAT = format;
    },
  };
}
