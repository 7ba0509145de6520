import { parseScenario, type Scenario } from '../scenario';
import { type RunningSimulator, startSimulator } from '../server';
import { control } from '../testing/client';
import { demo, ed25519Key, normalKey } from '../testing/scenarios';

/**
 * The demo scenario plus what the conformance cases need and the demo does not hold: an Ed25519 normal key
 * (trading) on desk-alpha, a Reading-only key on desk-alpha, and a sub-account that never opened a margin
 * wallet (Binance answers its margin reads with -3003).
 */
export const NO_MARGIN = 'desk-nomargin@fundx.example';

export async function conformanceScenario(): Promise<Scenario> {
  const base = await demo();
  return parseScenario({
    ...base,
    subAccounts: [
      ...base.subAccounts.map((s) =>
        s.email === 'desk-alpha@fundx.example'
          ? { ...s, keys: [...s.keys, ed25519Key('alpha-ed25519-conformance', 'normal'), normalKey('alpha-reader-conformance', { enableReading: true })] }
          : s,
      ),
      { subUserId: 20000099, email: NO_MARGIN, marginWallet: false, spot: [{ asset: 'USDT', free: '10' }], keys: [normalKey('nomargin-trading')] },
    ],
  });
}

export interface Harness {
  sim: RunningSimulator;
  scenario: Scenario;
  reset(): Promise<void>;
  moveClock(offsetMs: number): Promise<void>;
  faults(body: unknown): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const scenario = await conformanceScenario();
  const sim = await startSimulator({ port: 0, scenario });
  return {
    sim,
    scenario,
    reset: async () => void (await control(sim.url, 'POST', 'reset')),
    moveClock: async (offsetMs) => void (await control(sim.url, 'POST', 'clock', { offsetMs })),
    faults: async (body) => void (await control(sim.url, 'POST', 'faults', body)),
  };
}
