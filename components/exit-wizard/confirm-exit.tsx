'use client';

import { useState } from 'react';
import { countOf } from '@/lib/format';
import { confirmationMatches, CONFIRM_WORD } from '@/lib/exit';
import type { ExitRunView } from '@/lib/contracts/exit';
import { button, input, notice } from '@/components/ui/controls';
import { useRunCommand } from './use-exit';
import { WarnIcon } from '@/components/ui/icons';

/** Step 2's typed confirmation: the word EXIT, or the number of accounts. */
export function ConfirmExit({ run }: { run: ExitRunView }) {
  const [typed, setTyped] = useState('');
  const exit = useRunCommand(run, 'exit');
  const count = run.accounts.length;
  return (
    <form
      aria-label="Confirm the exit"
      className={notice.danger}
      onSubmit={(e) => {
        e.preventDefault();
        exit.mutate({ confirmation: typed });
      }}
    >
      <p className="font-semibold">Step 2: exit Margin Special Key mode for {countOf(count, 'account')}</p>
      <p className="mt-1">
        Each account is re-read first (no special key, no liability), then <span className="font-mono">POST /sapi/v1/margin/exit-special-key-mode</span> is
        called and the account read again to confirm. After the exit, Binance blocks new special keys on the account for 24 h.
      </p>
      <label className="mt-3 block font-medium">
        Type <span className="font-mono">{CONFIRM_WORD}</span> or <span className="num">{count}</span> to confirm
        <input className={`${input} ml-2 w-32 font-mono`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className={`${button.danger} mt-3`} disabled={!confirmationMatches(typed, count) || exit.isPending}>
        {exit.isPending ? 'Exiting…' : `Exit ${countOf(count, 'account')}`}
      </button>
      {exit.isError && <p role="alert" className="mt-2 font-medium"><WarnIcon />{exit.error.message}</p>}
    </form>
  );
}
