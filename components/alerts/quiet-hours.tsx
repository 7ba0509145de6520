'use client';

import { useMemo, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { ChannelView, QuietHours } from '@/lib/contracts/alerts';
import { quietHoursFormError } from '@/lib/alerts/quiet-hours';
import { useAlertsWrite } from './use-alerts';
import { PauseIcon, WarnIcon } from '@/components/ui/icons';
import { button, input } from '@/components/ui/controls';


function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Set, change or remove a channel's quiet hours. The server checks the zone with Intl; its message is shown in the form's words. */
function QuietHoursForm({ channel, onDone }: { channel: ChannelView; onDone: () => void }) {
  const current = channel.quietHours;
  const [start, setStart] = useState(current?.start ?? '22:00');
  const [end, setEnd] = useState(current?.end ?? '07:00');
  const [timeZone, setTimeZone] = useState(current?.timeZone ?? browserZone());
  const [severe, setSevere] = useState(current?.severeBreaksThrough ?? true);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  const save = useAlertsWrite(async (quietHours: QuietHours | null) => {
    await apiFetch(`/api/alerts/channels/${channel.id}/quiet-hours`, { method: 'PUT', body: JSON.stringify({ quietHours }) });
    onDone();
  });
  return (
    <form
      aria-label={`Quiet hours of ${channel.name}`}
      className="mt-2 grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-950"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ start, end, timeZone, severeBreaksThrough: severe });
      }}
    >
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        From
        <input className={`${input} w-full`} type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Until
        <input className={`${input} w-full`} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
      <label className="col-span-2 text-xs font-medium text-slate-600 dark:text-slate-400">
        Time zone
        <input className={`${input} w-full`} list={`zones-${channel.id}`} value={timeZone} placeholder="Europe/Paris" onChange={(e) => setTimeZone(e.target.value)} />
        <datalist id={`zones-${channel.id}`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
      </label>
      <label className="flex items-start gap-2 text-sm col-span-2">
        <input type="checkbox" className="mt-1" checked={severe} onChange={(e) => setSevere(e.target.checked)} />
        <span>Severe alerts break through: liquidating or worse, and forced liquidations, are sent at once</span>
      </label>
      <p className="text-xs text-slate-500 col-span-2">
        Alerts raised in the window are held and sent as one digest when it ends. The inbox always shows them at once.
      </p>
      <div className="flex flex-wrap items-center gap-2 col-span-2">
        <button type="submit" disabled={save.isPending} className={button.primary}>
          {save.isPending ? 'Saving…' : 'Save quiet hours'}
        </button>
        {current && <button type="button" disabled={save.isPending} className={button.small} onClick={() => save.mutate(null)}>Remove quiet hours</button>}
        <button type="button" className={button.small} onClick={onDone}>Cancel</button>
        {save.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{quietHoursFormError(save.error.message)}</p>}
      </div>
    </form>
  );
}

/** A channel's quiet hours as a line (with what is held for the next digest), and the form to change them. */
export function ChannelQuietHours({ channel, canEdit }: { channel: ChannelView; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const q = channel.quietHours;
  return (
    <div className="mt-1 text-xs" data-testid="channel-quiet-hours">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={q ? 'text-slate-700 dark:text-slate-300' : 'text-slate-500'}>
          {q ? `☾ Quiet ${q.start}–${q.end} ${q.timeZone}, daily digest${q.severeBreaksThrough ? '; severe alerts break through' : '; everything waits'}` : 'No quiet hours: every alert goes out at once'}
        </span>
        {channel.held > 0 && <span className="num text-slate-600 dark:text-slate-400"><PauseIcon />{channel.held} held for the digest</span>}
        {canEdit && !editing && (
          <button type="button" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400" onClick={() => setEditing(true)}>
            {q ? 'Change quiet hours' : 'Set quiet hours'}
          </button>
        )}
      </p>
      {editing && <QuietHoursForm channel={channel} onDone={() => setEditing(false)} />}
    </div>
  );
}
