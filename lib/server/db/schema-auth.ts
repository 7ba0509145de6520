import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// No `server-only` here: drizzle-kit reads the schema outside Next.js (see schema.ts).
// Who signs in and how: users, their sessions and second factors, and what throttles and acts once for them.

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['owner', 'ops'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per sign-in. The session cookie names its row; signing out revokes it, and a session ends at
 * its absolute lifetime or after an idle spell (docs/security.md, "Sessions that end").
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Last second-factor proof in this session: actions on the exchange or the connections need a recent one. */
    stepUpAt: timestamp('step_up_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * A user's authenticator (TOTP) secret, sealed like the exchange secrets. `enrolledAt` is null while the
 * enrolment waits for its first code; `lastTimeStep` is the newest code's time step accepted, so a code is
 * never accepted twice (docs/security.md, "Second factor").
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id').primaryKey(),
  sealedSecret: text('sealed_secret').notNull(),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** A replacement waiting for its first code: the enrolled secret keeps working until then. */
  pendingSealedSecret: text('pending_sealed_secret'),
});

/**
 * One-time recovery codes (docs/security.md, "Recovery"): ten per user, shown once, stored as a SHA-256 of the user
 * and the code (80 random bits each, so no slow hash is needed), each usable once (`usedAt`).
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);

/**
 * A user's passkeys (WebAuthn credentials), the primary second factor; TOTP is the fallback. The public key is
 * not a secret. `counter` is the authenticator's signature counter: an assertion must raise it (when the
 * authenticator keeps one), so a cloned authenticator shows (docs/security.md, "Second factor").
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** The credential ID the authenticator chose, base64url. */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/**
 * A WebAuthn challenge the server issued to one session for one ceremony: taken (deleted) by the first answer
 * that names it, refused once expired, so a challenge is never answered twice.
 */
export const passkeyChallenges = pgTable('passkey_challenges', {
  challenge: text('challenge').primaryKey(),
  sessionId: uuid('session_id').notNull(),
  ceremony: text('ceremony', { enum: ['register', 'authenticate'] }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * A single counter bumped by every change to who may act (a sign-in, a sign-out, a role change). Each app
 * instance caches users and sessions in memory and re-reads them only when this number moved, so checking a
 * session costs no database round trip per request.
 */
export const authEpoch = pgTable('auth_epoch', {
  id: integer('id').primaryKey(),
  epoch: bigint('epoch', { mode: 'number' }).notNull().default(0),
});

/**
 * Actions that must happen once: an action under way on an account (released when it ends) and the
 * Idempotency-Keys of requests already acted on (kept a day). Shared by every instance (docs/security.md,
 * "Acting once").
 */
export const actionClaims = pgTable(
  'action_claims',
  {
    scope: text('scope').primaryKey(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('action_claims_expires_idx').on(t.expiresAt)],
);

/**
 * Sign-in attempts per email in the current throttling window (`failures` counts every attempt since the
 * last success), kept in the database so the delay holds across app instances (docs/security.md).
 */
export const loginAttempts = pgTable('login_attempts', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});
