import { randomBytes } from 'node:crypto';
import { EnvError, getEnv, type Env } from '@/lib/env';
import { readOrCreateDemoFile } from '@/lib/server/demo-files';

/**
 * Validates the environment and, in demo mode, fills in the generated secrets, so every process started
 * from here (Next.js, the simulator) sees one consistent configuration. Exits with the validation
 * message on a bad value.
 */
export function bootstrapEnv(): Env {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  process.env.AUTH_TRUST_HOST ||= 'true';
  if (env.demo) {
    process.env.AUTH_SECRET ||= readOrCreateDemoFile('auth-secret', () => randomBytes(32).toString('base64'));
    process.env.MARGINWATCH_SECRET_KEY ||= readOrCreateDemoFile('secret.key', () => randomBytes(32).toString('base64'));
  }
  return env;
}
