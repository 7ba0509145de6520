'use client';

import { LiveIndicator } from '@/components/live/live-indicator';
import { useLive } from '@/components/live/use-live';
import { withLiveTotals } from '@/components/live/with-live';
import { NoDataYet } from '@/components/shell/no-data-yet';
import { ErrorState } from '@/components/ui/states';
import { DeficitCurveCard } from './deficit-curve-card';
import { MasterHistoryCard } from './master-history-card';
import { NearestList } from './nearest-list';
import { OverviewSkeleton } from './overview-skeleton';
import { OweCallout } from './owe-callout';
import { RefreshBanner } from './refresh-banner';
import { ReviewDueCard } from '@/components/review/review-due-card';
import { StaleCallout } from './stale-callout';
import { StatusCounts } from './status-counts';
import { TotalsStrip } from './totals-strip';
import { useOverview } from './use-overview';

const WHAT = 'Master totals, the deficit curve and the accounts nearest to liquidation';

/** The totals moved by the live figures when every account is held live; else the refresh's, said so. */
function LiveTotals({ data }: { data: NonNullable<NonNullable<ReturnType<typeof useOverview>['data']>['data']> }) {
  const live = useLive();
  const shown = withLiveTotals(data, live);
  return <TotalsStrip data={shown} live={shown !== data} />;
}

export function Overview() {
  const query = useOverview();
  if (query.isPending) return <OverviewSkeleton />;
  // A failed poll keeps the last figures on screen, with the error above them.
  const failed = query.isError && <ErrorState title={query.data ? 'Could not update the overview: these are the last figures loaded' : 'Could not load the overview'} message={query.error.message} onRetry={() => query.refetch()} />;
  const overview = query.data;
  if (overview === undefined) return failed;
  if (!overview) return <NoDataYet what={WHAT} />;
  const { data } = overview;
  return (
    <div className="space-y-6">
      {failed}
      <RefreshBanner />
      <div className="flex justify-end">
        <LiveIndicator />
      </div>
      {!data ? (
        <NoDataYet what={WHAT} />
      ) : (
        <>
          <LiveTotals data={data} />
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2">
              <OweCallout callouts={data.callouts} bound={data.counts.bound} />
            </div>
            <div className="space-y-6">
              <StatusCounts counts={data.counts} />
              <ReviewDueCard />
            </div>
          </div>
          <DeficitCurveCard curve={data.curve} unpricedAccounts={data.unpriced.accounts} />
          <MasterHistoryCard />
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <NearestList nearest={data.nearest} />
            <StaleCallout stale={data.stale} dataAt={data.takenAt} />
          </div>
        </>
      )}
    </div>
  );
}
