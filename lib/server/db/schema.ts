import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// No `server-only` here: drizzle-kit reads this file outside Next.js to generate migrations.

/** Exchange keys the owner stores. The secret (HMAC secret or private key PEM) is sealed at rest. */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['master', 'sub'] }).notNull(),
    masterId: uuid('master_id'),
    accountEmail: text('account_email'),
    baseUrl: text('base_url').notNull(),
    apiKey: text('api_key').notNull(),
    signerType: text('signer_type', { enum: ['HMAC', 'ED25519', 'RSA'] }).notNull(),
    sealedSecret: text('sealed_secret').notNull(),
    permissions: jsonb('permissions').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('connections_master_idx').on(t.masterId),
    // Two simultaneous adds of one key must not both land: the second gets a clear 409.
    uniqueIndex('connections_api_key_idx').on(t.apiKey),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    role: text('role'),
    action: text('action').notNull(),
    target: text('target'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)],
);

/** One refresh of one master: progress while it runs, its figures and the master-level risk once done. */
export const refreshRuns = pgTable(
  'refresh_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    trigger: text('trigger', { enum: ['manual', 'schedule', 'start'] }).notNull(),
    triggeredBy: text('triggered_by'),
    status: text('status', { enum: ['running', 'ok', 'partial', 'failed'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Touched while running; a run whose heartbeat stopped (crashed instance) is taken over. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    /** `host:pid:token` of the process running it: on the same host a dead pid closes the run at once. */
    instance: text('instance'),
    accountsTotal: integer('accounts_total').notNull().default(0),
    accountsDone: integer('accounts_done').notNull().default(0),
    currentStep: text('current_step'),
    /** While running: the exchange asked to wait (429/418 Retry-After) until then; pages say so instead of 0 of 0. */
    waitingUntil: timestamp('waiting_until', { withTimezone: true }),
    errors: jsonb('errors').$type<{ account: string | null; step: string; message: string }[]>().notNull().default([]),
    stats: jsonb('stats').$type<Record<string, unknown>>(),
    /** The master-level risk (lib/risk aggregateMaster), computed once per refresh so pages never recompute it. */
    masterRisk: jsonb('master_risk'),
  },
  (t) => [
    index('refresh_runs_master_idx').on(t.masterId, t.startedAt),
    // One running refresh per master, across every app instance sharing this database (choice: a row
    // lock rather than a session advisory lock, which a connection pool cannot hold for a whole refresh).
    uniqueIndex('refresh_runs_one_running_idx').on(t.masterId).where(sql`status = 'running'`),
  ],
);

/**
 * One row per account per refresh, immutable. `stale` rows carry the last good data forward with the
 * error that prevented a fresh read, and `dataAt` says how old that data is: never zeros, never a gap.
 */
export const accountSnapshots = pgTable(
  'account_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    refreshId: uuid('refresh_id').notNull(),
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    dataAt: timestamp('data_at', { withTimezone: true }).notNull(),
    stale: boolean('stale').notNull().default(false),
    error: text('error'),
    mode: text('mode').notNull(),
    rule: text('rule').notNull(),
    status: text('status').notNull(),
    /** Normalized figures (lib/risk AccountRiskInput: exact decimal strings). */
    input: jsonb('input').notNull(),
    /** lib/risk AccountRisk for this snapshot. */
    risk: jsonb('risk').notNull(),
    keys: jsonb('keys').$type<{ total: number | null; special: number | null; stored: number }>().notNull(),
    raw: jsonb('raw'),
  },
  (t) => [
    index('account_snapshots_refresh_idx').on(t.refreshId),
    index('account_snapshots_account_idx').on(t.masterId, t.accountEmail, t.takenAt),
  ],
);

/** Every special key ever seen per account: "deleted but not exited is still bound" depends on it. */
export const specialKeySightings = pgTable(
  'special_key_sightings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    apiKey: text('api_key').notNull(),
    name: text('name'),
    symbol: text('symbol'),
    permissionMode: text('permission_mode'),
    ip: text('ip'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Last change marginwatch made to the key (IP list): with its creation time, what "idle" is measured from. */
    changedAt: timestamp('changed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('special_key_sightings_key_idx').on(t.masterId, t.accountEmail, t.apiKey)],
);

/** Exits confirmed by re-reading the account after the exit call (exchange server time). */
export const accountExits = pgTable(
  'account_exits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    cooldownEndsAt: timestamp('cooldown_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('account_exits_account_idx').on(t.masterId, t.accountEmail)],
);

/**
 * The exit wizard's runs (docs/domain.md#exit): a persisted state machine (lib/exit). One unfinished run per master,
 * across every app instance sharing this database (same pattern as refresh_runs_one_running_idx). `version`
 * moves on every command, so a stale tab's command is refused; the lease says which instance is working a
 * step, and a lapsed lease (a crashed instance) lets another take the run over.
 */
export const exitRuns = pgTable(
  'exit_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    phase: text('phase', { enum: ['deleting', 'keys_deleted', 'exiting', 'done', 'cancelled'] }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
  },
  (t) => [
    index('exit_runs_master_idx').on(t.masterId, t.createdAt),
    uniqueIndex('exit_runs_one_active_idx').on(t.masterId).where(sql`finished_at is null`),
  ],
);

/** One row per account of a run: its stage, recorded before and after each exchange call. */
export const exitRunAccounts = pgTable(
  'exit_run_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').notNull(),
    accountEmail: text('account_email').notNull(),
    stage: text('stage', { enum: ['selected', 'deleting', 'keys_deleted', 'exit_sending', 'exit_sent', 'confirmed', 'failed'] }).notNull(),
    reason: text('reason'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cooldownEndsAt: timestamp('cooldown_ends_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exit_run_accounts_account_idx').on(t.runId, t.accountEmail)],
);

/** One row per special key a run deletes: `deleting` is written before the DELETE, `deleted` after. */
export const exitRunKeys = pgTable(
  'exit_run_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').notNull(),
    accountEmail: text('account_email').notNull(),
    apiKey: text('api_key').notNull(),
    apiName: text('api_name'),
    symbol: text('symbol'),
    status: text('status', { enum: ['pending', 'deleting', 'deleted', 'failed'] }).notNull(),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exit_run_keys_key_idx').on(t.runId, t.accountEmail, t.apiKey)],
);

/** Review notes by owners and ops ("reviewed, OK until …"), audited. */
export const accountNotes = pgTable(
  'account_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    authorId: uuid('author_id').notNull(),
    authorEmail: text('author_email').notNull(),
    body: text('body').notNull(),
    okUntil: timestamp('ok_until', { withTimezone: true }),
    /** The account as the note found it (lib/contracts/review ReviewBaseline): the review queue compares later refreshes with it. */
    baseline: jsonb('baseline'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_notes_account_idx').on(t.masterId, t.accountEmail)],
);

/**
 * The last read of a sub-account's key list through the master (`GET /sapi/v1/sub-account/subAccountApi`,
 * weight 3000 UID): read at most hourly, so the Keys page shows its age.
 */
export const subAccountKeyLists = pgTable(
  'sub_account_key_lists',
  {
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
    keys: jsonb('keys').$type<{ apiKey: string; apiName: string | null; canTrade: boolean | null; createdAt: string | null }[]>().notNull(),
  },
  (t) => [uniqueIndex('sub_account_key_lists_account_idx').on(t.masterId, t.accountEmail)],
);

/**
 * The master's sub-accounts as the exchange last listed them (`GET /sapi/v1/sub-account/list`), by a refresh or
 * an explicit "read now": the Connections page reads this, so opening it costs no request weight.
 */
export const subAccountListings = pgTable('sub_account_listings', {
  masterId: uuid('master_id').primaryKey(),
  listedAt: timestamp('listed_at', { withTimezone: true }).notNull(),
  subAccounts: jsonb('sub_accounts').$type<{ email: string; subUserId: string | null; remark: string; isFreeze: boolean }[]>().notNull(),
});

/** The owner's record that the Supplemental Product Terms are signed (no API reports it), audited. */
export const termsRecords = pgTable('terms_records', {
  masterId: uuid('master_id').primaryKey(),
  signedOn: timestamp('signed_on', { withTimezone: true }).notNull(),
  note: text('note').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
/**
 * Named per-asset scenarios an owner saved (lib/contracts/scenarios.ts): percent shocks by asset, for alts and for
 * stables. One name per master; saving under a name replaces it. Audited.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    name: text('name').notNull(),
    shocks: jsonb('shocks').$type<{ byAsset: Record<string, string>; alts: string; stables: string }>().notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scenarios_name_idx').on(t.masterId, t.name)],
);

export * from './schema-auth';
export * from './schema-alerts';
export * from './schema-live';
