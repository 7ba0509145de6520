/**
 * Risk engine benchmark (issue 6): 2,000 accounts × 50 assets × 25 shocks. Run: `npx tsx bench/risk.ts`.
 * Prints the one-time exact precompute (fixed-point BigInt sums + closed-form shocks) apart from the shock
 * evaluation (float64 D(s) on the precomputed sums), then the whole evaluateAccount + aggregateMaster.
 */
import { aggregateMaster } from '../lib/risk/aggregate';
import { DEFAULT_RISK_CONFIG } from '../lib/risk/config';
import { deficitCurve } from '../lib/risk/deficit';
import { evaluateAccount } from '../lib/risk/evaluate';
import { crossShocks } from '../lib/risk/shocks';
import { crossSums, stableSetOf, toFloatSums, type FloatSums } from '../lib/risk/sums';
import type { AccountRiskInput, AssetBalance } from '../lib/risk/types';
import { mulberry32 as rng } from '../sim/prng';

const ACCOUNTS = 2000;
const ASSETS = 50;
const RUNS = 7;
const config = DEFAULT_RISK_CONFIG;
const shocks = config.shocks;

const STABLES = ['USDT', 'USDC', 'FDUSD', 'DAI', 'TUSD'];

function makeAccounts(): AccountRiskInput[] {
  const rand = rng(42);
  const amount = (max: number, zeroShare: number) => (rand() < zeroShare ? '0' : (rand() * max).toFixed(8));
  // One price table per refresh, shared by every account, as the refresh reads it.
  const prices = Array.from({ length: ASSETS }, (_, k) => (k < STABLES.length ? '1' : (0.01 + rand() * 60000).toFixed(8)));
  return Array.from({ length: ACCOUNTS }, (_, i) => {
    const assets: AssetBalance[] = Array.from({ length: ASSETS }, (_, k) => {
      const stable = k < STABLES.length;
      return {
        asset: stable ? STABLES[k]! : `COIN${k}`,
        free: amount(5000, 0.3),
        locked: amount(500, 0.8),
        // Most balances carry no debt, as in real wallets.
        borrowed: amount(4000, 0.7),
        interest: amount(5, 0.8),
        priceUsd: prices[k]!,
      };
    });
    return {
      accountId: `sub-${i}`,
      email: `sub${i}@desk.example`,
      mode: 'CROSS_CLASSIC',
      dataAvailable: true,
      termsSigned: true,
      specialKeys: { everCreated: i % 3 !== 0, activeCount: i % 3 === 1 ? 1 : 0, exitConfirmedAt: null },
      assets,
      bars: { marginCallBar: '1.3', forceLiquidationBar: '1.1' },
      isolatedPairs: [],
      pmPro: null,
      outstandingLoans: [],
    };
  });
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(2)} ms (first ${samples[0]!.toFixed(2)}, min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`;
}

const inputs = makeAccounts();
const stables = stableSetOf(config.stableAssets);
const pairs = ACCOUNTS * shocks.length;
console.log(`risk bench: ${ACCOUNTS} accounts × ${ASSETS} assets × ${shocks.length} shocks, node ${process.version}, ${RUNS} runs each`);

// 1. One-time exact precompute per account: exact sums over the 50 assets, closed-form shocks.
const pre: number[] = [];
let floats: FloatSums[] = [];
for (let r = 0; r < RUNS; r++) {
  const { ms, value } = time(() =>
    inputs.map((a) => {
      const sums = crossSums(a.assets, stables);
      crossShocks(sums, a.bars?.forceLiquidationBar ?? null, config.liquidationCost);
      return toFloatSums(sums);
    }),
  );
  pre.push(ms);
  floats = value;
}
console.log(`1. exact precompute (fixed-point BigInt sums, ${ACCOUNTS * ASSETS} asset rows): ${stats(pre)}`);

// 2. Shock evaluation: D(s) for every account at every shock, float64 on the precomputed sums.
const evalMs: number[] = [];
let checksum = 0;
for (let r = 0; r < RUNS; r++) {
  const { ms, value } = time(() => floats.map((f, i) => deficitCurve(f, shocks, config.liquidationCost, i % 3 !== 0)));
  evalMs.push(ms);
  checksum = value.reduce((s, c) => s + c.reduce((t, p) => t + p.owed, 0), 0);
}
const evalMedian = [...evalMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
console.log(`2. shock evaluation (${pairs} account×shock points): ${stats(evalMs)}`);
console.log(`   → ${Math.round(pairs / (evalMedian / 1000)).toLocaleString('en-US')} account×shock evaluations/s`);

// 3. For scale: re-pricing all 50 assets at every shock in float64, with no precompute (2.5 M asset×shock).
const parsed = inputs.map((a) => a.assets.map((x) => ({
  stable: stables.has(x.asset),
  held: Number(x.free) + Number(x.locked),
  owed: Number(x.borrowed) + Number(x.interest),
  price: Number(x.priceUsd),
})));
const naiveMs: number[] = [];
for (let r = 0; r < RUNS; r++) {
  naiveMs.push(time(() => {
    let total = 0;
    for (const assets of parsed) {
      for (const s of shocks) {
        let a = 0;
        let l = 0;
        for (const x of assets) {
          const p = x.stable ? x.price : x.price * (1 + s);
          a += x.held * p;
          l += x.owed * p;
        }
        const d = l - a * (1 - config.liquidationCost);
        if (d > 0) total += d;
      }
    }
    return total;
  }).ms);
}
const naiveMedian = [...naiveMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
console.log(`3. naive per-asset float re-pricing (${pairs * ASSETS} asset×shock, parse not timed): ${stats(naiveMs)}`);
console.log(`   → ${Math.round((pairs * ASSETS) / (naiveMedian / 1000)).toLocaleString('en-US')} asset×shock evaluations/s`);

// 4. End to end, as the refresh runs it: evaluateAccount for every account (JSON-ready) + aggregateMaster.
const fullMs: number[] = [];
const aggMs: number[] = [];
let owedAt40 = 0;
for (let r = 0; r < RUNS; r++) {
  const full = time(() => inputs.map((a) => evaluateAccount(a, config)));
  const agg = time(() => aggregateMaster(full.value));
  fullMs.push(full.ms);
  aggMs.push(agg.ms);
  owedAt40 = agg.value.curve[shocks.indexOf(-0.4)]!.owed;
}
console.log(`4. evaluateAccount × ${ACCOUNTS} (exact + curve + result objects): ${stats(fullMs)}`);
console.log(`   aggregateMaster: ${stats(aggMs)}`);
// 5. The goal: the whole set, exact precompute then every account at every shock, under 50 ms.
const wholeMs: number[] = [];
for (let r = 0; r < RUNS; r++) {
  wholeMs.push(time(() => inputs.map((a, i) => {
    const sums = crossSums(a.assets, stables);
    crossShocks(sums, a.bars?.forceLiquidationBar ?? null, config.liquidationCost);
    return deficitCurve(toFloatSums(sums), shocks, config.liquidationCost, i % 3 !== 0);
  })).ms);
}
const wholeMedian = [...wholeMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
console.log(`5. whole set (precompute + ${pairs} account×shock points): ${stats(wholeMs)} → goal < 50 ms ${wholeMedian < 50 ? 'met' : 'MISSED'}`);
console.log(`(checksums: Σ owed over the grid ${checksum.toFixed(2)}; master owed at −40 % ${owedAt40.toFixed(2)})`);
