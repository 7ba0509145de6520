import type { AssetShocks } from './per-asset';

/** The scenario form as typed: named rows in order, percent text as entered (the server validates it). */
export type ScenarioDraft = { name: string; rows: { asset: string; percent: string }[]; alts: string; stables: string };

/** The issue's own example of a crash that is not uniform: BTC −30 %, ETH −45 %, every other coin −60 %. */
export const EXAMPLE_DRAFT: ScenarioDraft = { name: '', rows: [{ asset: 'BTC', percent: '-30' }, { asset: 'ETH', percent: '-45' }], alts: '-60', stables: '0' };

export function shocksOf(d: ScenarioDraft): AssetShocks {
  const byAsset: Record<string, string> = {};
  for (const r of d.rows) if (r.asset.trim()) byAsset[r.asset.trim().toUpperCase()] = r.percent.trim();
  return { byAsset, alts: d.alts.trim(), stables: d.stables.trim() };
}

export function draftOf(name: string, s: AssetShocks): ScenarioDraft {
  return { name, rows: Object.entries(s.byAsset).map(([asset, percent]) => ({ asset, percent })), alts: s.alts, stables: s.stables };
}

/** Worst falls replace the named rows' shocks and add rows for the assets not named yet. */
export function withFalls(d: ScenarioDraft, falls: Record<string, string>): ScenarioDraft {
  const rows = d.rows.map((r) => (falls[r.asset] !== undefined ? { ...r, percent: falls[r.asset]! } : r));
  for (const [asset, percent] of Object.entries(falls)) if (!rows.some((r) => r.asset === asset)) rows.push({ asset, percent });
  return { ...d, rows };
}

const FIELD: Record<string, string> = { alts: 'Every other volatile asset', stables: 'Stablecoins', byAsset: 'Named assets' };

/** The API's "Invalid body: shocks.stables: …" in the form's own words: "Stablecoins: …", "BTC: …", "Name: …". */
export function formError(message: string): string {
  const m = /^Invalid body: (?:shocks\.(byAsset)\.([A-Za-z0-9]+)|shocks\.(\w+)|(name)): (.*)$/s.exec(message);
  if (!m) return message;
  const [, , asset, field, name, rest] = m;
  return `${asset ?? (field ? (FIELD[field] ?? field) : name ? 'Name' : '')}: ${rest}`;
}
