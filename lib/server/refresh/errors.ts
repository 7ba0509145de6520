import 'server-only';

/** A refresh of this master is already running (on this instance or another sharing the database). */
export class RefreshBusyError extends Error {
  constructor(readonly runId: string | null) {
    super('A refresh of this master is already running.');
  }
}
