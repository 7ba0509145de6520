import 'server-only';

/** The development form of one JSON log line: "17:52:04 INFO  [refresh] msg key=value", the stack below. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, time, context, msg, err, ...fields } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const extra = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
  const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String((err as { stack: unknown }).stack)}` : '';
  return `${clock} ${String(level).toUpperCase().padEnd(5)} [${String(context ?? 'app')}] ${String(msg ?? '')}${extra ? `  ${extra}` : ''}${stack}\n`;
}
