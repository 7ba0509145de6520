import { severity } from './status';

/**
 * (choice) An isolated pair within this move of its liquidation bar (|shock| still to go) is flagged "near
 * liquidation" in its account's row (docs/domain.md#exposure).
 */
export const NEAR_LIQUIDATION_DISTANCE = 0.1;

/** Near liquidation: at or past the margin call by the exchange's word, or a shock below the threshold away. */
export function isNearLiquidation(status: string, liquidationDistance: number | null): boolean {
  return severity(status) >= severity('MARGIN_CALL') || (liquidationDistance !== null && liquidationDistance < NEAR_LIQUIDATION_DISTANCE);
}

/**
 * What a projected deficit D(s) means for the user, decided once (docs/domain.md#exposure): owed as a loan
 * where the account is bound, "could be owed" where binding is unknown, else collateral lost and nothing owed.
 */
export type Projection =
  | { kind: 'owed'; usd: number }
  | { kind: 'could_be_owed'; usd: number }
  | { kind: 'collateral_lost'; usd: number }
  | { kind: 'none'; usd: 0 };

export function projectedOutcome(bound: boolean | null, at: { deficit: number; owed: number }): Projection {
  if (at.owed > 0) return { kind: 'owed', usd: at.owed };
  if (bound === null && at.deficit > 0) return { kind: 'could_be_owed', usd: at.deficit };
  if (at.deficit > 0) return { kind: 'collateral_lost', usd: at.deficit };
  return { kind: 'none', usd: 0 };
}

/** The figure a person would call "owed" for export: owed, or what could be owed; 0 when nothing is. */
export function owedFigure(p: Projection): number {
  return p.kind === 'owed' || p.kind === 'could_be_owed' ? p.usd : 0;
}
