'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { useAlertsWrite } from './use-alerts';
import { WarnIcon } from '@/components/ui/icons';
import { button, input } from '@/components/ui/controls';


/** Add a webhook (generic JSON, Slack or Discord body, always signed) or an email channel. */
export function ChannelForm({ onDone }: { onDone: () => void }) {
  const [kind, setKind] = useState<'webhook' | 'email'>('webhook');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<'generic' | 'slack' | 'discord'>('generic');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [to, setTo] = useState('');
  const save = useAlertsWrite(async () => {
    const body = kind === 'webhook' ? { kind, name, format, url, signingSecret: secret } : { kind, name, to: to.split(',').map((s) => s.trim()).filter(Boolean) };
    await apiFetch('/api/alerts/channels', { method: 'POST', body: JSON.stringify(body) });
    onDone();
  });
  return (
    <form
      aria-label="Add a channel"
      className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-950"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Kind
        <select className={`${input} w-full`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="webhook">Webhook</option>
          <option value="email">Email</option>
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Name
        <input className={`${input} w-full`} value={name} placeholder="Risk desk" onChange={(e) => setName(e.target.value)} />
      </label>
      {kind === 'webhook' ? (
        <>
          <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Body
            <select className={`${input} w-full`} value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
              <option value="generic">marginwatch JSON</option>
              <option value="slack">Slack</option>
              <option value="discord">Discord</option>
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
            URL (https)
            <input className={`${input} w-full`} value={url} placeholder="https://hooks.example/…" onChange={(e) => setUrl(e.target.value)} />
          </label>
          <label className="text-xs font-medium text-slate-600 sm:col-span-2 dark:text-slate-400">
            Signing secret (HMAC-SHA256, at least 16 characters; sealed, never shown again)
            <input className={`${input} w-full`} type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
          </label>
        </>
      ) : (
        <label className="text-xs font-medium text-slate-600 sm:col-span-2 dark:text-slate-400">
          Recipients (comma-separated)
          <input className={`${input} w-full`} value={to} placeholder="risk@desk.example, ops@desk.example" onChange={(e) => setTo(e.target.value)} />
        </label>
      )}
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <button type="submit" disabled={save.isPending} className={button.primary}>
          {save.isPending ? 'Saving…' : 'Save channel'}
        </button>
        <button type="button" onClick={onDone} className={button.quiet}>Cancel</button>
        {save.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{save.error.message}</p>}
      </div>
    </form>
  );
}
