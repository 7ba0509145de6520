import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// No `server-only` here: drizzle-kit reads the schema outside Next.js (see schema.ts).

/**
 * Alert rules an owner saved (docs/alerts.md). A saved row with a default rule's id replaces that default;
 * with no rows at all a desk runs on the defaults (lib/alerts/defaults.ts).
 */
export const alertRules = pgTable('alert_rules', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  threshold: text('threshold').notNull(),
  rearmMargin: text('rearm_margin').notNull().default('0'),
  escalationStep: text('escalation_step'),
  shockPercent: text('shock_percent'),
  scope: jsonb('scope').$type<{ kind: 'all' } | { kind: 'account'; email: string } | { kind: 'label'; label: string }>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Labels an owner gives sub-accounts ("asia desk"), which a rule may take as its scope. */
export const accountLabels = pgTable(
  'account_labels',
  {
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    label: text('label').notNull(),
  },
  (t) => [uniqueIndex('account_labels_idx').on(t.masterId, t.accountEmail, t.label)],
);

/**
 * One open alert per rule and subject (`account_email` '' for the master): the escalation level it reached.
 * Armed rules have no row. Written by the refresh, which holds the master's single running slot.
 */
export const alertStates = pgTable(
  'alert_states',
  {
    masterId: uuid('master_id').notNull(),
    ruleId: text('rule_id').notNull(),
    accountEmail: text('account_email').notNull(),
    level: integer('level').notNull(),
    value: doublePrecision('value').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('alert_states_key_idx').on(t.masterId, t.ruleId, t.accountEmail)],
);

/**
 * A fresh token each time a master's alert states or forced-liquidation marks change (in the same transaction).
 * A refresh that finds the token it last wrote or read keeps the states and marks it holds in memory instead of
 * reading them again (lib/server/alerts/state-cache.ts); a token from a rolled-back transaction never becomes visible.
 */
export const alertStateVersions = pgTable('alert_state_versions', {
  masterId: uuid('master_id').primaryKey(),
  token: uuid('token').notNull(),
});

/**
 * How far the refreshes have read each account's forced-liquidation record (lib/alerts/forced-liquidations.ts):
 * the newest order time seen and the ids at it. Advanced in the transaction that raises the alerts, so an
 * order is told once: never lost to a crash, never told twice.
 */
export const forcedLiquidationMarks = pgTable(
  'forced_liquidation_marks',
  {
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    seenUntil: bigint('seen_until', { mode: 'number' }).notNull(),
    seenIds: jsonb('seen_ids').$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex('forced_liquidation_marks_idx').on(t.masterId, t.accountEmail)],
);

/** Every alert raised (the in-app inbox), written in the same transaction as the refresh that raised it. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterId: uuid('master_id').notNull(),
    refreshId: uuid('refresh_id').notNull(),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    accountEmail: text('account_email'),
    transition: text('transition', { enum: ['fire', 'escalate', 'test'] }).notNull(),
    level: integer('level').notNull(),
    title: text('title').notNull(),
    condition: text('condition').notNull(),
    figures: jsonb('figures').$type<Record<string, string | number | null>>().notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: text('acknowledged_by'),
    ackNote: text('ack_note'),
  },
  (t) => [index('alerts_raised_idx').on(t.raisedAt), index('alerts_open_idx').on(t.acknowledgedAt)],
);

/** Where alerts go besides the inbox. The URL and signing secret (or nothing, for email) are sealed. */
export const alertChannels = pgTable('alert_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['webhook', 'email'] }).notNull(),
  format: text('format', { enum: ['generic', 'slack', 'discord', 'email'] }).notNull(),
  /** What people see: the webhook's host, or the email recipients. Never the secret part. */
  target: text('target').notNull(),
  sealedConfig: text('sealed_config').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastOkAt: timestamp('last_ok_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  /** Quiet hours with a daily digest (docs/alerts.md#quiet-hours); null: alerts go out at once. Not a secret. */
  quietHours: jsonb('quiet_hours').$type<{ start: string; end: string; timeZone: string; severeBreaksThrough: boolean }>(),
});

/**
 * The outbox: one row per alert and channel. A sender takes due rows under a lease (`lease_owner`,
 * `lease_until`, with FOR UPDATE SKIP LOCKED), so two instances never send the same row at once.
 * Quiet hours: an alert raised inside a channel's window is `held` until `held_until`; when the window ends one
 * digest row (no `alert_id`) is written and the held rows become `digested`, pointing at it by `digest_id`.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for a digest. */
    alertId: uuid('alert_id'),
    channelId: uuid('channel_id').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'held', 'digested'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    heldUntil: timestamp('held_until', { withTimezone: true }),
    digestId: uuid('digest_id'),
  },
  (t) => [
    uniqueIndex('alert_deliveries_key_idx').on(t.alertId, t.channelId),
    index('alert_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('alert_deliveries_held_idx').on(t.heldUntil).where(sql`status = 'held'`),
    index('alert_deliveries_digest_idx').on(t.digestId),
  ],
);

/**
 * Every attempt to deliver, successful or not, and every "send a test" (no delivery): the channel's delivery
 * history on the settings page.
 */
export const alertAttempts = pgTable(
  'alert_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id'),
    channelId: uuid('channel_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** When the sender tries again after this failed attempt; null when it succeeded or was a test. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  },
  (t) => [index('alert_attempts_delivery_idx').on(t.deliveryId), index('alert_attempts_channel_idx').on(t.channelId, t.at)],
);
