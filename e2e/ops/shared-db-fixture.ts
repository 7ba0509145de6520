/**
 * Set-up for the two-instance spec, run as its own process with the app's server modules (node
 * --conditions=react-server --import tsx), since the spec's own process cannot load them:
 *   setup <simUrl> <webhookUrl>   migrate DATABASE_URL, store the demo's keys (exchange at simUrl) and a webhook
 *                                 alert channel, as an owner would; prints {"masterId": …}
 *   repay-hotel <simUrl>          repays desk-hotel's debts with its own key, so an exit run can take it
 */
import { createChannel } from '@/lib/server/alerts/channels';
import { openDatabase } from '@/lib/server/db/client';
import { createExchangeClient } from '@/lib/server/exchange';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { loadScenario } from '@/sim/scenario';

const [command, simUrl, webhookUrl] = process.argv.slice(2) as [string, string, string | undefined];
const scenario = await loadScenario('demo');

if (command === 'setup') {
  const database = await openDatabase({ url: process.env.DATABASE_URL! });
  const masterId = await seedDemoConnection(database.db, scenario, simUrl);
  await createChannel(database.db, { kind: 'webhook', name: 'desk hook', format: 'generic', url: webhookUrl!, signingSecret: 'two-instances-signing-secret' }, 'e2e');
  await database.close();
  console.log(JSON.stringify({ masterId }));
} else if (command === 'repay-hotel') {
  const key = scenario.subAccounts.find((s) => s.email === 'desk-hotel@fundx.example')!.keys.find((k) => k.name === 'hotel-monitor')!;
  const client = createExchangeClient({ baseUrl: simUrl, credentials: { apiKey: key.apiKey, keyKind: 'normal', signer: { type: 'HMAC', secret: key.secretKey! } } });
  await client.borrowRepay({ asset: 'ETH', amount: '500', type: 'REPAY' });
  await client.borrowRepay({ asset: 'USDT', amount: '1000000', type: 'REPAY' });
} else {
  throw new Error(`unknown command ${command}`);
}
