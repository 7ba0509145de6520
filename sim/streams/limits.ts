/**
 * Binance's published stream limits, in one place (sources in sim/README.md, "Streams"):
 * - a listenKey is valid for 60 minutes after creation; PUT extends it by 60 minutes, POST on an account with
 *   an active key returns that key and extends it, DELETE closes it;
 * - a single connection is valid for 24 hours: expect a disconnect at the 24 h mark;
 * - a single connection can listen to at most 1024 streams;
 * - the server pings every 20 s and drops a connection that has not answered within a minute.
 */
export const LISTEN_KEY_TTL_MS = 60 * 60_000;
export const MAX_CONNECTION_MS = 24 * 3_600_000;
export const MAX_STREAMS_PER_CONNECTION = 1024;
export const PING_INTERVAL_MS = 20_000;
export const PONG_TIMEOUT_MS = 60_000;
