import Decimal from 'decimal.js';
import { DEFAULT_RISK_CONFIG, type AccountRisk, type AccountRiskInput, type AccountStatus, type RiskConfig } from '@/lib/risk';
import { evaluatePrepared, prepareAccount, preparedStatus, type PreparedAccount } from '@/lib/risk/evaluate';
import { parseFixed, type Fixed } from '@/lib/risk/fixed';
import { crossLegs, sumLegs, type ExposureSums, type Leg } from '@/lib/risk/sums';
import type { LiveAccount } from '@/lib/contracts/live';
import { statusFromExchange } from './status';
import type { StreamEvent } from './stream-events';

/** (choice) A tick more than 90 % away from the last price is not believed: the book resynchronises instead (docs/live.md#faults). */
export const MAX_GAP = new Decimal('0.9');
/** Prices are quoted against USDT, as the refresh values assets (docs/domain.md#exchange choice). */
const QUOTE = 'USDT';

type Balance = { free: string; locked: string; borrowed: string; interest: string };

interface Entry {
  base: AccountRiskInput;
  /** Exchange time of the REST read the balances come from: older events are already in them. */
  baseAt: number;
  balances: Map<string, Balance>;
  lastPositionU: number;
  /** The exchange's newest pushed status: the risk data stream's margin level status, PM Pro's risk level. */
  reported: { status: string; level: string; at: number } | null;
  /** PM Pro: the exchange's newest pushed figures (USD), from PM_PRO_ACCOUNT_UPDATE or a risk level change. */
  pm: { uniMMR: string; equity: string; maintMargin: string; at: number } | null;
  updatedAt: number;
  delayedSince: number | null;
  /** The current balances' price-independent parts; null until every asset held or owed has a price. */
  valued: Valued | null;
}

/** What a tick re-prices (the exact sums and the status) and, made on first read after it, the whole evaluation. */
interface Valued {
  prepared: PreparedAccount;
  legs: Leg[];
  sums: ExposureSums;
  status: AccountStatus;
  risk: AccountRisk | null;
}

export type TickOutcome = { kind: 'applied'; affected: string[] } | { kind: 'ignored' } | { kind: 'rejected'; reason: string };

/**
 * The live state of one master's accounts, pure: the last REST balances, moved by balance and liability events,
 * re-priced by tickers through the exact risk engine (`evaluateAccount`) for the accounts holding the asset only.
 */
export class LiveBook {
  private readonly entries = new Map<string, Entry>();
  private readonly holders = new Map<string, Set<string>>();
  private readonly prices = new Map<string, { usd: string; fixed: Fixed; at: number }>();
  private readonly priceOf = (asset: string): Fixed => this.prices.get(asset)!.fixed;

  constructor(private readonly config: RiskConfig = DEFAULT_RISK_CONFIG) {}

  /** Starts an account from a REST read (a refresh snapshot or a resync), valued at the latest live prices. */
  load(input: AccountRiskInput, readAt: number): void {
    const old = this.entries.get(input.email);
    if (old) for (const a of new Set([...this.assetsOf(old.base), ...old.balances.keys()])) this.holders.get(a)?.delete(input.email);
    const balances = new Map(input.assets.map((a) => [a.asset, { free: a.free, locked: a.locked, borrowed: a.borrowed, interest: a.interest }]));
    const entry: Entry = { base: input, baseAt: readAt, balances, lastPositionU: 0, reported: null, pm: null, updatedAt: readAt, delayedSince: null, valued: null };
    this.entries.set(input.email, entry);
    for (const a of this.assetsOf(input)) {
      if (!this.holders.has(a)) this.holders.set(a, new Set());
      this.holders.get(a)!.add(input.email);
      // The refresh's price is the starting point for an asset no ticker has moved yet.
      if (!this.prices.has(a)) {
        const p = input.assets.find((x) => x.asset === a)?.priceUsd ?? input.isolatedPairs.flatMap((x) => [x.base, x.quote]).find((x) => x.asset === a)?.priceUsd;
        if (p) this.prices.set(a, { usd: p, fixed: parseFixed(p), at: 0 });
      }
    }
    this.revalue(input.email);
  }

  baseOf(email: string): AccountRiskInput | undefined {
    return this.entries.get(email)?.base;
  }

  has(email: string): boolean {
    return this.entries.has(email);
  }

  emails(): string[] {
    return [...this.entries.keys()];
  }

  /** The USDT symbols whose tickers move these accounts (stables keep their price, docs/domain.md#exposure). */
  symbols(): string[] {
    return [...this.holders.keys()].filter((a) => !this.config.stableAssets.includes(a)).map((a) => `${a}${QUOTE}`).sort();
  }

  /** `trusted`: a REST price, believed even across a gap the stream's would be refused for. */
  applyTicker(symbol: string, close: string, eventTime: number, opts: { trusted?: boolean } = {}): TickOutcome {
    if (!symbol.endsWith(QUOTE)) return { kind: 'ignored' };
    const asset = symbol.slice(0, -QUOTE.length);
    const holders = this.holders.get(asset);
    if (!holders || this.config.stableAssets.includes(asset)) return { kind: 'ignored' };
    const last = this.prices.get(asset);
    if (!opts.trusted && last && eventTime < last.at) return { kind: 'ignored' }; // out of order: the newer price stands
    const p = new Decimal(close);
    if (!p.gt(0)) return { kind: 'rejected', reason: `${symbol} price ${close}` };
    if (!opts.trusted && last && p.minus(last.usd).abs().div(last.usd).gte(MAX_GAP)) return { kind: 'rejected', reason: `${symbol} moved ${close} from ${last.usd}` };
    if (last && last.usd === close) return { kind: 'ignored' };
    this.prices.set(asset, { usd: close, fixed: parseFixed(close), at: Math.max(last?.at ?? 0, eventTime) });
    for (const email of holders) {
      const e = this.entries.get(email)!;
      e.updatedAt = Math.max(e.updatedAt, eventTime);
      if (e.valued) this.reprice(e.valued);
    }
    return { kind: 'applied', affected: [...holders] };
  }

  /**
   * Risk and trade data stream events, and PM Pro's user data stream, of one account; false when the event is for
   * an account we do not hold. By event time: what the REST read already holds, and what is older than the newest
   * of its kind already applied (out of order), changes nothing.
   */
  applyAccountEvent(email: string, ev: StreamEvent): boolean {
    const e = this.entries.get(email);
    if (!e) return false;
    if (ev.E <= e.baseAt) return true; // the REST read already includes it
    if (ev.e === 'MARGIN_LEVEL_STATUS_CHANGE') {
      if (!e.reported || ev.E >= e.reported.at) e.reported = { status: ev.s, level: ev.l, at: ev.E };
    } else if (ev.e === 'riskLevelChange' || ev.e === 'PM_PRO_ACCOUNT_UPDATE') {
      // A risk level change carries the status and the figures; the 5 s update the figures only.
      const newerStatus = ev.e === 'riskLevelChange' && (!e.reported || ev.E >= e.reported.at);
      const newerFigures = !e.pm || ev.E >= e.pm.at;
      if (!newerStatus && !newerFigures) return true;
      if (newerStatus) e.reported = { status: ev.s, level: ev.u, at: ev.E };
      if (newerFigures) e.pm = { uniMMR: ev.u, equity: ev.eq, maintMargin: ev.e === 'riskLevelChange' ? ev.m : ev.mm, at: ev.E };
    } else if (ev.e === 'USER_LIABILITY_CHANGE') {
      const b = e.balances.get(ev.a) ?? { free: '0', locked: '0', borrowed: '0', interest: '0' };
      const sign = ev.t === 'REPAY' ? -1 : 1;
      const borrowed = Decimal.max(0, new Decimal(b.borrowed).plus(new Decimal(ev.p).times(sign)));
      const interest = Decimal.max(0, new Decimal(b.interest).plus(new Decimal(ev.i).times(sign)));
      e.balances.set(ev.a, { ...b, borrowed: borrowed.toString(), interest: interest.toString() });
    } else if (ev.e === 'outboundAccountPosition') {
      if (ev.u <= e.lastPositionU) return true;
      e.lastPositionU = ev.u;
      for (const x of ev.B) {
        const b = e.balances.get(x.a) ?? { free: '0', locked: '0', borrowed: '0', interest: '0' };
        e.balances.set(x.a, { ...b, free: x.f, locked: x.l });
      }
    } else return true; // balanceUpdate: the outboundAccountPosition that follows carries the new balance
    e.updatedAt = Math.max(e.updatedAt, ev.E);
    this.revalue(email);
    return true;
  }

  markDelayed(email: string, since: number): void {
    const e = this.entries.get(email);
    if (e && e.delayedSince === null) e.delayedSince = since;
  }

  /** The status shown, without the rest of the view: what a tick must decide at once (a crossing is sent unbatched). */
  shownStatus(email: string): AccountStatus | undefined {
    const e = this.entries.get(email);
    if (!e?.valued) return undefined;
    const exchange = this.exchangeWord(e);
    return exchange ? statusFromExchange(exchange.status, exchange.level) : e.valued.status;
  }

  /** The whole evaluation at the live prices and balances (equal to `evaluateAccount` of them), made once per change. */
  risk(email: string): AccountRisk | undefined {
    const v = this.entries.get(email)?.valued;
    if (!v) return undefined;
    if (v.risk === null) {
      const base = v.prepared.input;
      const price = (leg: { asset: string; priceUsd: string }) => this.prices.get(leg.asset)?.usd ?? leg.priceUsd;
      const pairs = base.isolatedPairs.map((p) => ({ ...p, base: { ...p.base, priceUsd: price(p.base) }, quote: { ...p.quote, priceUsd: price(p.quote) } }));
      v.risk = evaluatePrepared(v.prepared, v.sums, pairs);
    }
    return v.risk;
  }

  view(email: string): LiveAccount | undefined {
    const e = this.entries.get(email);
    // Never valued live (an asset without a price since it was loaded): the REST figures stand, nothing live.
    const r = this.risk(email);
    if (!e || !r) return undefined;
    const computed = r.status;
    const exchange = this.exchangeWord(e);
    const worst = r.curve.reduce((m, p) => Math.max(m, p.owed), 0);
    const pm = r.mode === 'PM_PRO' ? (this.pushedPm(e)?.uniMMR ?? r.pmPro?.uniMMR ?? null) : null;
    return {
      email,
      status: exchange ? statusFromExchange(exchange.status, exchange.level) : computed,
      statusSource: exchange ? 'exchange' : 'computed',
      computedStatus: computed,
      marginLevel: r.marginLevel,
      reportedMarginLevel: r.mode === 'PM_PRO' ? null : (exchange?.level ?? null),
      uniMMR: pm,
      assetsUsd: r.totals.assetsUsd,
      liabilitiesUsd: r.totals.liabilitiesUsd,
      equityUsd: r.totals.equityUsd,
      owedAtWorst: worst,
      updatedAt: e.updatedAt,
      delayedSince: e.delayedSince,
    };
  }

  /** The exchange's pushed status once it is newer than the REST read (docs/live.md#status). */
  private exchangeWord(e: Entry): Entry['reported'] {
    return e.reported && e.reported.at > e.baseAt ? e.reported : null;
  }

  /** PM Pro figures pushed after the REST read: the exchange's uniMMR wins over the refresh's (docs/live.md#status). */
  private pushedPm(e: Entry): Entry['pm'] {
    return e.pm && e.pm.at > e.baseAt ? e.pm : null;
  }

  /** The PM Pro input with the exchange's newest equity and maintenance margin, so our tier and shocks use them. */
  private pmInput(e: Entry): AccountRiskInput['pmPro'] {
    const pushed = this.pushedPm(e);
    if (!pushed || !e.base.pmPro) return e.base.pmPro;
    return { ...e.base.pmPro, accountEquity: pushed.equity, accountMaintMargin: pushed.maintMargin };
  }

  /**
   * After a REST read or a balance event: the price-independent parts again (applicability, parsed amounts),
   * then the sums at the live prices. A tick only re-prices (`reprice`).
   */
  private revalue(email: string): void {
    const e = this.entries.get(email)!;
    const price = (asset: string, fallback: string) => this.prices.get(asset)?.usd ?? fallback;
    const assets = [...e.balances].map(([asset, b]) => ({
      asset,
      ...b,
      priceUsd: price(asset, e.base.assets.find((a) => a.asset === asset)?.priceUsd ?? ''),
    }));
    const held = assets.filter((a) => !new Decimal(a.free).plus(a.locked).plus(a.borrowed).plus(a.interest).isZero());
    // An asset that arrived by an event without any known price cannot be valued: unknown is never zero.
    if (held.some((a) => a.priceUsd === '')) {
      e.delayedSince ??= e.updatedAt;
      return;
    }
    for (const a of held) {
      if (!this.prices.has(a.asset)) this.prices.set(a.asset, { usd: a.priceUsd, fixed: parseFixed(a.priceUsd), at: 0 });
      // An asset an event brought (a first borrow of it) moves this account from now on too.
      if (!this.holders.has(a.asset)) this.holders.set(a.asset, new Set());
      this.holders.get(a.asset)!.add(email);
    }
    // The REST-reported level is stale once prices move: the stream's pushed status decides instead (view()).
    const prepared = prepareAccount({ ...e.base, reportedMarginLevel: null, assets: held, pmPro: this.pmInput(e) }, this.config);
    const valued: Valued = { prepared, legs: crossLegs(held, prepared.stables), sums: undefined as unknown as ExposureSums, status: 'UNKNOWN', risk: null };
    this.reprice(valued);
    e.valued = valued;
  }

  /** A tick: the exact sums at the new prices and the status from them; the rest waits until it is read. */
  private reprice(v: Valued): void {
    v.sums = sumLegs(v.legs, this.priceOf);
    v.status = preparedStatus(v.prepared, v.sums);
    v.risk = null;
  }

  private assetsOf(input: AccountRiskInput): string[] {
    return [...new Set([...input.assets.map((a) => a.asset), ...input.isolatedPairs.flatMap((p) => [p.base.asset, p.quote.asset])])];
  }
}
