import type { ForceLiquidation } from '@/lib/snapshot/normalize';

/**
 * The alert rules' vocabulary (issue 16): what a rule watches, where, and the facts a refresh hands the
 * engine. Thresholds are decimal strings as people type them (percent for distances and shocks), parsed once.
 */
export const CONDITION_KINDS = [
  'status_worsens',
  'liquidation_distance',
  'margin_level',
  'projected_loan',
  'projected_loan_total',
  'loan_outstanding',
  'forced_liquidation',
  'became_bound',
  'keys_near_limit',
  'idle_special_key',
  'special_key_outside',
  'data_stale',
  'refresh_failing',
  'exit_half_done',
] as const;

export type ConditionKind = (typeof CONDITION_KINDS)[number];

export type RuleScope = { kind: 'all' } | { kind: 'account'; email: string } | { kind: 'label'; label: string };

export type AlertRule = {
  id: string;
  kind: ConditionKind;
  enabled: boolean;
  /** A status name for `status_worsens`, else a decimal string in the kind's unit (see KIND_INFO). */
  threshold: string;
  /** How far the measure must recover past the threshold before the rule re-arms, in the same unit. */
  rearmMargin: string;
  /** Each further step past the threshold escalates once; null never escalates. */
  escalationStep: string | null;
  /** The shock in percent (−30 = every volatile price −30 %), for projected loans only. */
  shockPercent: string | null;
  scope: RuleScope;
};

/** What the engine reads about one sub-account after a refresh. */
export type AccountFacts = {
  email: string;
  labels: readonly string[];
  status: string;
  /** Cross margin level (or PM Pro uniMMR) as a decimal string; null without debt. */
  marginLevel: string | null;
  /** Smallest shock (fraction, either direction) that liquidates the account or one of its isolated pairs. */
  liquidation: { distance: number; direction: 'DOWN' | 'UP'; pair: string | null } | null;
  /** The projected loan (USD estimate) per stress shock (fraction). */
  curve: readonly { shock: number; owed: number }[];
  /** Outstanding LiquidationLoan + PM Pro bankruptcy loan, exact USD. */
  outstandingLoanUsd: string;
  bound: boolean | null;
  /** Every key of the account against Binance's 30; null when the count is incomplete. */
  keysTotal: number | null;
  /** Special keys idle past the revocation horizon; null when the account's special keys are unknown. */
  idleSpecialKeys: number | null;
  /**
   * Special keys that appeared on, or disappeared from, the exchange's list since the previous refresh without
   * marginwatch creating or deleting them (names, or the key's last 4 when unnamed); null when unknown (the
   * account's special keys were not read now, or not the refresh before).
   */
  outsideKeyChanges: { appeared: readonly string[]; disappeared: readonly string[] } | null;
  /**
   * Forced-liquidation orders this refresh found that no refresh before had seen (each raises its own alert);
   * null when the account's record was not read (no own key, PM Pro, a failed read).
   */
  forcedLiquidations?: readonly ForceLiquidation[] | null;
  /** Minutes since the account's figures were read (a stale snapshot carries older data forward). */
  dataAgeMinutes: number;
};

/** What the engine reads about the master (the desk) as a whole. */
export type MasterFacts = {
  curve: readonly { shock: number; owed: number }[];
  /** Minutes since the last refresh that read anything; null when none has failed since. */
  refreshFailingMinutes: number | null;
  /** Minutes an exit run has sat between its two steps (keys deleted, exit not sent); null when none. */
  exitHalfDoneMinutes: number | null;
};

export type Figures = Record<string, string | number | null>;

/** One thing to tell people: a rule's condition became true (`fire`) or worsened a step (`escalate`). */
export type AlertEvent = {
  ruleId: string;
  kind: ConditionKind;
  /** The sub-account; null for a master-level rule. */
  email: string | null;
  transition: 'fire' | 'escalate';
  level: number;
  value: number;
  title: string;
  figures: Figures;
};
