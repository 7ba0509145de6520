/**
 * Readiness for a load balancer (docs/production.md, Health): an instance takes traffic when its database
 * answers, every migration it ships is applied, it is not stopping, and each master's last successful
 * refresh (ok or partial) is younger than `maxIntervals` refresh intervals.
 */
export interface ReadinessFacts {
  database: { ok: true } | { ok: false; reason: string };
  /** `created_at` of the last applied migration and of the last one shipped (drizzle's journal) */
  migrations: { applied: number | null; shipped: number } | null;
  masters: { id: string; name: string; lastSuccessAt: Date | null }[];
  draining: boolean;
  now: number;
  intervalSeconds: number;
  maxIntervals: number;
}

export interface Check {
  name: 'process' | 'database' | 'migrations' | 'refresh';
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: Check[];
}

function refreshCheck(f: ReadinessFacts): Check {
  const limitMs = f.maxIntervals * f.intervalSeconds * 1000;
  if (f.masters.length === 0) return { name: 'refresh', ok: true, detail: 'no master connection yet: nothing to refresh' };
  const late = f.masters.filter((m) => !m.lastSuccessAt || f.now - m.lastSuccessAt.getTime() > limitMs);
  if (late.length === 0) return { name: 'refresh', ok: true, detail: `every master refreshed within ${f.maxIntervals} intervals of ${f.intervalSeconds} s` };
  const said = late.map((m) => (m.lastSuccessAt ? `${m.name}: last successful refresh ${Math.round((f.now - m.lastSuccessAt.getTime()) / 1000)} s ago` : `${m.name}: no successful refresh yet`));
  return { name: 'refresh', ok: false, detail: `${said.join('; ')} (limit ${limitMs / 1000} s)` };
}

export function readiness(f: ReadinessFacts): Readiness {
  const checks: Check[] = [
    { name: 'process', ok: !f.draining, detail: f.draining ? 'shutting down' : 'running' },
    { name: 'database', ok: f.database.ok, detail: f.database.ok ? 'reachable' : `unreachable: ${f.database.reason}` },
  ];
  if (f.database.ok && f.migrations) {
    const { applied, shipped } = f.migrations;
    const ok = applied !== null && applied >= shipped;
    checks.push({ name: 'migrations', ok, detail: ok ? 'every migration applied' : 'migrations pending: start the app (it migrates) before sending traffic' });
    checks.push(refreshCheck(f));
  }
  return { ready: checks.every((c) => c.ok) && checks.length === 4, checks };
}
