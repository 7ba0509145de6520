/**
 * How bad an account status is, for "status worsens". The one place to switch when the shared
 * account-status module (with its own severity order) lands: every rule reads severity through here.
 * `null`: the status says nothing we can rank (unknown is never normal, and never "worse" either: the
 * stale-data rule covers an account we cannot read).
 */
const SEVERITY: Record<string, number> = {
  NO_DEBT: 0,
  NORMAL: 0,
  MARGIN_CALL: 1,
  REDUCE_ONLY: 2,
  LIQUIDATION: 3,
  CLAIM: 4,
};

/** Statuses an owner may pick as the threshold of "status worsens", least severe first. */
export const RANKED_STATUSES = ['MARGIN_CALL', 'REDUCE_ONLY', 'LIQUIDATION', 'CLAIM'] as const;

export function statusSeverity(status: string): number | null {
  return SEVERITY[status] ?? null;
}

export function statusAtSeverity(rank: number): string {
  return Object.entries(SEVERITY).find(([name, r]) => r === rank && name !== 'NO_DEBT')?.[0] ?? String(rank);
}
