'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { ChannelTestResult, ChannelView } from '@/lib/contracts/alerts';
import { formatDateTime } from '@/lib/format';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { ChannelForm } from './channel-form';
import { ChannelHistory } from './channel-history';
import { ChannelQuietHours } from './quiet-hours';
import { useAlertsWrite, useChannels } from './use-alerts';
import { OkIcon, WarnIcon } from '@/components/ui/icons';
import { button } from '@/components/ui/controls';

const FORMAT = { generic: 'Webhook · marginwatch JSON', slack: 'Webhook · Slack', discord: 'Webhook · Discord', email: 'Email' } as const;

function ChannelRow({ channel, canEdit }: { channel: ChannelView; canEdit: boolean }) {
  const test = useAlertsWrite(() => apiFetch<ChannelTestResult>(`/api/alerts/channels/${channel.id}/test`, { method: 'POST', body: '{}' }));
  const failing = channel.lastErrorAt && (!channel.lastOkAt || channel.lastErrorAt > channel.lastOkAt);
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="alert-channel">
      <div className="min-w-0 flex-1 basis-60">
        <p className="text-sm font-medium">{channel.name}</p>
        <p className="break-all text-xs text-slate-500">{FORMAT[channel.format]} · {channel.target}</p>
        <p className="mt-1 text-xs">
          {channel.lastOkAt && <span className="mr-3 text-emerald-700 dark:text-emerald-400"><OkIcon />last delivered {formatDateTime(channel.lastOkAt)}</span>}
          {channel.pending > 0 && <span className="num mr-3 text-amber-700 dark:text-amber-300">… {channel.pending} waiting</span>}
          {!channel.lastOkAt && !channel.lastError && <span className="text-slate-500">Nothing sent yet</span>}
        </p>
        <ChannelQuietHours channel={channel} canEdit={canEdit} />
        {channel.lastError && (
          <p className={`mt-1 text-xs ${failing ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-500'}`} data-testid="channel-last-error">
            {failing && <WarnIcon />}Last error {channel.lastErrorAt && formatDateTime(channel.lastErrorAt)}: {channel.lastError}
          </p>
        )}
        {test.data && (
          <p role="status" className={`mt-1 text-xs font-medium ${test.data.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}>
            {test.data.ok ? <><OkIcon />Test delivered{test.data.statusCode ? ` (HTTP ${test.data.statusCode})` : ''}</> : <><WarnIcon />Test failed: {test.data.error}</>}
          </p>
        )}
        <ChannelHistory history={channel.history} />
      </div>
      {canEdit && (
        <button type="button" disabled={test.isPending} onClick={() => test.mutate(undefined)} className={`${button.small} shrink-0`}>
          {test.isPending ? 'Sending…' : 'Send a test'}
        </button>
      )}
    </li>
  );
}

/** Where alerts go besides the inbox, each with its last delivery and last error. */
export function ChannelsPanel({ canEdit }: { canEdit: boolean }) {
  const channels = useChannels();
  const [adding, setAdding] = useState(false);
  if (channels.isPending) return <TableSkeleton rows={2} />;
  if (channels.isError) return <ErrorState message={channels.error.message} onRetry={() => channels.refetch()} />;
  return (
    <div className="space-y-3">
      {canEdit && !adding && (
        <button type="button" onClick={() => setAdding(true)} className={button.primary}>
          Add a channel
        </button>
      )}
      {adding && <ChannelForm onDone={() => setAdding(false)} />}
      {channels.data.length === 0 ? (
        <EmptyState title="Only the in-app inbox">Add a webhook (Slack, Discord or your own receiver) or an email channel to be told without looking.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">{channels.data.map((c) => <ChannelRow key={c.id} channel={c} canEdit={canEdit} />)}</ul>
      )}
    </div>
  );
}
