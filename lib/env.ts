import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once. A bad value stops start-up with a message
 * naming the variable and what it expects, instead of failing later in some request.
 */
const booleanString = z.enum(['true', 'false', '1', '0'], 'true or false').transform((v) => v === 'true' || v === '1');
const port = z.coerce.number('a port number').int('a port number').min(1, 'a port from 1 to 65535').max(65535, 'a port from 1 to 65535');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    // Loopback by default: exposing the dashboard is a deliberate choice (e.g. HOST=0.0.0.0 behind a proxy).
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection URL')
      .optional(),
    MARGINWATCH_DEMO: booleanString.optional(),
    MARGINWATCH_EXCHANGE_URL: z.url('an http(s) URL such as https://api.binance.com').optional(),
    MARGINWATCH_SIM_PORT: port.default(4100),
    // A scenario name under sim/scenarios or a path to a scenario file (e.g. one from `npm run sim:gen`).
    MARGINWATCH_DEMO_SCENARIO: z.string().min(1).default('demo'),
    // `npm start` serves the existing build as is: for a second instance beside one that serves the same build
    // folder (a rebuild under a running server would break its pages).
    MARGINWATCH_SKIP_BUILD: booleanString.optional(),
    AUTH_SECRET: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    AUTH_TRUST_HOST: booleanString.optional(),
    MARGINWATCH_SECRET_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes, base64-encoded')
      .optional(),
    MARGINWATCH_SECRET_KEY_PREVIOUS: z
      .string()
      .refine(
        (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
        'a comma-separated list of 32-byte base64 keys',
      )
      .optional(),
    SNAPSHOT_RETENTION_DAYS: z.coerce.number('a number of days').int('whole days').min(1, 'at least 1 day').max(3650, 'at most 3650 days').default(30),
    // Alerts by email (docs/alerts.md): the SMTP server (smtp:// or smtps://, credentials in the URL) and the sender.
    MARGINWATCH_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL such as smtps://user:pass@mail.example:465').optional(),
    MARGINWATCH_SMTP_FROM: z.string().min(3, 'an address such as "marginwatch <alerts@desk.example>"').optional(),
    // The address people open the app at, for the links in webhooks and emails (default http://HOST:PORT).
    MARGINWATCH_PUBLIC_URL: z.url('an http(s) URL such as https://marginwatch.desk.example').optional(),
    // A connection may point at a private or internal address only when the operator says so (docs/security.md).
    MARGINWATCH_ALLOW_PRIVATE_EXCHANGE: booleanString.optional(),
    // The audit log is the record of who did what with the owner's keys: kept two years by default (docs/security.md).
    AUDIT_RETENTION_DAYS: z.coerce.number('a number of days').int('whole days').min(90, 'at least 90 days').max(3650, 'at most 3650 days').default(730),
    REFRESH_INTERVAL_SECONDS: z.coerce.number('a number of seconds').int('whole seconds').min(10, 'at least 10 seconds').max(3600, 'at most 3600 seconds').default(60),
    // Logs (docs/production.md): JSON lines in production, one readable line each in development.
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'fatal, error, warn, info, debug, trace or silent').default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], 'json or pretty').optional(),
    READY_MAX_REFRESH_INTERVALS: z.coerce.number('a number of refresh intervals').int('a whole number').min(1, 'at least 1').max(1000, 'at most 1000').default(3),
  })
  .transform((env) => ({
    ...env,
    // Demo mode is the default when no exchange is configured: the app runs against the bundled simulator.
    demo: env.MARGINWATCH_DEMO ?? env.MARGINWATCH_EXCHANGE_URL === undefined,
  }))
  .superRefine((env, ctx) => {
    if (env.demo) return;
    for (const name of ['AUTH_SECRET', 'MARGINWATCH_SECRET_KEY'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required outside demo mode' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings are how shells and .env files say "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: expected ${i.message}`));
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
