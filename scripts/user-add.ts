import './lib/uncaught';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { ZodError } from 'zod';
import { openDatabase } from '@/lib/server/db/client';
import { createUser } from '@/lib/server/users';
import { bootstrapEnv } from './lib/bootstrap';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.role) {
  console.error('usage: npm run user:add -- --email E --role owner|ops [--name N]   (password from MARGINWATCH_PASSWORD or a prompt)');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.MARGINWATCH_PASSWORD) return process.env.MARGINWATCH_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question('Password (12+ characters): ');
  rl.close();
  return password;
}

const env = bootstrapEnv();
const password = await readPassword();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite') });
try {
  const user = await createUser(database.db, { email: values.email, role: values.role as 'owner', name: values.name ?? values.email, password });
  console.log(`Created ${user.role} ${user.email}.`);
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`${issue.path.join('.')}: expected ${issue.message}`);
  } else if (error instanceof Error && /unique|duplicate/i.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`)) {
    console.error(`A user with email ${values.email} already exists.`);
  } else {
    throw error;
  }
  process.exitCode = 1;
} finally {
  await database.close();
}
