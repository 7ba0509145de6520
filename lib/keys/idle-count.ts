import { isIdle } from './flags';

const DAY_MS = 86_400_000;

/**
 * Special keys idle past the revocation horizon on one account, measured as the Keys page does
 * (lib/keys/inventory.ts): from the later of the key's creation (the exchange's key list) and marginwatch's
 * last change to it. The refresh counts from the sightings and key lists it already holds.
 */
export function idleSpecialKeyCount(
  live: readonly { apiKey: string; firstSeenAt: Date; changedAt: Date | null }[],
  listed: readonly { apiKey: string; createdAt: string | null }[],
  now: Date,
): number {
  let idle = 0;
  for (const s of live) {
    const created = listed.find((k) => k.apiKey === s.apiKey)?.createdAt;
    const since = Math.max(created ? Date.parse(created) : s.firstSeenAt.getTime(), s.changedAt?.getTime() ?? 0);
    if (isIdle(Math.floor((now.getTime() - since) / DAY_MS))) idle++;
  }
  return idle;
}
