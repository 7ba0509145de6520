import { parseArgs } from 'node:util';
import { loadScenario } from './scenario';
import { startSimulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'demo' },
    'latency-ms': { type: 'string', default: '0' },
  },
});

const scenario = await loadScenario(values.scenario);
const sim = await startSimulator({
  port: Number(values.port),
  host: values.host,
  scenario,
  latencyMs: Number(values['latency-ms']),
});
console.log(`simulator listening on ${sim.url}`);

let closing = false;
const stop = (signal: string) => {
  if (closing) return;
  closing = true;
  sim.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`simulator: error while stopping on ${signal}`, e);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
