import { ACCOUNT_STATUSES, severity, statusLabel } from '@/lib/risk/status';

/**
 * How bad an account status is, for "status worsens": the shared severity order (lib/risk/status.ts,
 * docs/domain.md "Status"). `null` for a status that says nothing we can rank — unknown or incomplete data is
 * never "normal" (so it never clears an alert), and never "worse" either: the stale-data rule covers it.
 */
const UNRANKED = new Set<string>(['UNKNOWN', 'INCOMPLETE']);

/** Statuses an owner may pick as the threshold of "status worsens", least severe first. */
export const RANKED_STATUSES = ACCOUNT_STATUSES.filter((s) => severity(s) >= severity('MARGIN_CALL')).reverse();

export function statusSeverity(status: string): number | null {
  return UNRANKED.has(status) ? null : severity(status);
}

/** The status at a rank, in people's words ("margin call"). */
export function statusWordsAtSeverity(rank: number): string {
  const status = ACCOUNT_STATUSES.find((s) => severity(s) === rank);
  return status ? statusWords(status) : String(rank);
}

export function statusWords(status: string): string {
  return statusLabel(status).label.toLowerCase();
}
