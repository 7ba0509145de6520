// How long a session lives (docs/security.md, "Sessions that end"). One place, so they can be changed.

/** A session ends this long after sign-in, however busy. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
/** A session unused this long ends. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Last use is written to the database at most this often per session (idle timeout across instances). */
export const TOUCH_EVERY_MS = 60_000;
/**
 * How long another instance may still accept a session this one revoked: each instance re-reads the auth
 * epoch at most this often instead of on every request.
 */
export const EPOCH_CHECK_MS = 1_000;
/** Ended sessions are kept this long (to tell "signed out" from "never existed" in the audit), then removed. */
export const EXPIRED_SESSION_RETENTION_MS = 7 * 24 * 60 * 60_000;
