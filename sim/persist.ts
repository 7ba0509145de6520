import { createPublicKey, KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { dec } from './decimal';
import type { Account, SimState } from './state';

/**
 * The simulated exchange's state on disk, for demo mode: the app keeps its history (refreshes, key sightings, exit
 * runs) in its database across restarts, so the exchange it watches must keep its state too. Without this a
 * restart brought the scenario back (desk-hotel "Bound" with 4 keys) beside a stored "Exit confirmed".
 * What is kept: accounts (balances, keys, special-key history, exit, loans, liquidations), prices, the clock's
 * offset and the id counter. What is not: listen keys, streams, rate limits, faults and recorded requests.
 */
const VERSION = 1;

interface Saved {
  version: number;
  scenario: string;
  clockOffsetMs: number;
  nextId: number;
  prices: [string, string][];
  unlisted: string[];
  accounts: unknown;
}

function encode(v: unknown): unknown {
  if (Decimal.isDecimal(v)) return { $dec: v.toFixed() };
  if (v instanceof KeyObject) return { $pem: v.export({ type: 'spki', format: 'pem' }).toString() };
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [k, encode(x)]) };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$dec === 'string') return dec(o.$dec);
    if (typeof o.$pem === 'string') return createPublicKey(o.$pem);
    if (Array.isArray(o.$map)) return new Map((o.$map as [string, unknown][]).map(([k, x]) => [k, decode(x)]));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

export function serializeState(state: SimState): string {
  const saved: Saved = {
    version: VERSION,
    scenario: state.scenario.name,
    clockOffsetMs: state.clock.offsetMs,
    nextId: state.peekId(),
    prices: [...state.prices].map(([a, p]) => [a, p.toFixed()]),
    unlisted: [...state.unlisted],
    accounts: encode(state.accounts),
  };
  return JSON.stringify(saved);
}

/** Puts a saved state back; false (state untouched) when it is from another scenario or format. */
export function restoreState(state: SimState, json: string): boolean {
  const saved = JSON.parse(json) as Saved;
  if (saved.version !== VERSION || saved.scenario !== state.scenario.name) return false;
  state.restore({
    accounts: decode(saved.accounts) as Account[],
    prices: new Map(saved.prices.map(([a, p]) => [a, dec(p)])),
    unlisted: new Set(saved.unlisted),
    clockOffsetMs: saved.clockOffsetMs,
    nextId: saved.nextId,
  });
  return true;
}

/** Reads the state file if there is one for this scenario; says whether the state came from it. */
export function loadStateFile(state: SimState, file: string): boolean {
  return existsSync(file) && restoreState(state, readFileSync(file, 'utf8'));
}

/** Written whole to a temporary file and renamed over the old one: a crash mid-write leaves the previous state. */
export function saveStateFile(state: SimState, file: string): void {
  writeFileSync(`${file}.tmp`, serializeState(state), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
