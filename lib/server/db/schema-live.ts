import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// No `server-only` here: drizzle-kit reads the schema outside Next.js (see schema.ts).

/**
 * Live figures kept for history between refreshes (docs/live.md#history): per account, only when a figure
 * moved, at most one row every few seconds, pruned with the snapshots' retention. Snapshots stay the record.
 */
export const livePoints = pgTable(
  'live_points',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    masterId: uuid('master_id').notNull(),
    accountEmail: text('account_email').notNull(),
    /** Exchange time of the newest event the figures reflect. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    statusSource: text('status_source').notNull(),
    /**
     * Exact decimal strings, as the live view sends them; null margin level without debt. The level is uniMMR for
     * Portfolio Margin Pro, as in the refresh history.
     */
    marginLevel: text('margin_level'),
    equityUsd: text('equity_usd').notNull(),
    liabilitiesUsd: text('liabilities_usd').notNull(),
  },
  (t) => [index('live_points_account_idx').on(t.masterId, t.accountEmail, t.at)],
);
