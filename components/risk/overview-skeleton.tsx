import { Card } from '@/components/ui/card';
import { Skeleton, TableSkeleton } from '@/components/ui/states';

/** One skeleton per card, in the page's own layout, so nothing jumps when the figures arrive. */
export function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading the overview" className="space-y-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card title="What you could owe if prices gap down" className="xl:col-span-2">
          <Skeleton className="h-40" />
        </Card>
        <Card title="Accounts">
          <TableSkeleton rows={4} />
        </Card>
      </div>
      <Card title="Deficit curve — projected LiquidationLoan by price shock">
        <Skeleton className="h-80" />
      </Card>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card title="Nearest to liquidation">
          <TableSkeleton rows={4} />
        </Card>
        <Card title="Stale accounts">
          <TableSkeleton rows={2} />
        </Card>
      </div>
    </div>
  );
}
