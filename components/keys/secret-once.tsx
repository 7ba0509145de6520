'use client';

import { useState } from 'react';
import { button } from '@/components/ui/controls';
import { Modal } from './modal';
import { RuleIcon, WarnIcon } from '@/components/ui/icons';

/**
 * The exchange returns an HMAC secret once. It lives only in this dialog's memory: never stored, never logged,
 * and gone when the dialog closes.
 */
export function SecretOnce({ created, account, onClose }: { created: { apiKey: string; secretKey: string | null; type: string; liquidationLoan: string | null }; account: string; onClose: () => void }) {
  const [saved, setSaved] = useState(created.secretKey === null);
  return (
    <Modal title="Special key created" onClose={onClose} closable={saved}>
      <div className="space-y-3 text-sm" data-testid="secret-once">
        <p>The exchange lists the new {created.type.replace('_SHA256', '')} key on {account}.</p>
        <div>
          <p className="text-xs font-medium text-slate-500 dark:text-slate-400">API key</p>
          <code className="block break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800">{created.apiKey}</code>
        </div>
        {created.secretKey && (
          <div>
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">Secret key — shown once</p>
            <code data-testid="secret-value" className="block break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800">{created.secretKey}</code>
            <p className="mt-1 text-xs text-amber-800 dark:text-amber-300"><WarnIcon />Copy it into your trading system now. marginwatch does not keep it and cannot show it again.</p>
          </div>
        )}
        {created.liquidationLoan && <p className="rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-violet-950 dark:border-violet-800 dark:bg-violet-950/40 dark:text-violet-100"><RuleIcon />{created.liquidationLoan}</p>}
        {created.secretKey && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />I have copied the secret
          </label>
        )}
        <div className="flex justify-end">
          <button type="button" className={button.primary} disabled={!saved} onClick={onClose}>Done</button>
        </div>
      </div>
    </Modal>
  );
}
