/** What GET /api/refresh answers: shared by the route and the header widget. */
export interface RefreshStatus {
  masterId: string | null;
  running: boolean;
  newest: {
    id: string;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    accountsDone: number;
    accountsTotal: number;
    currentStep: string | null;
    errors: { account: string | null; step: string; message: string }[];
  } | null;
  /** When the data pages show was read. */
  dataAt: string | null;
}
