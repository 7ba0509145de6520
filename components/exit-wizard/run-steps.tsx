import type { ExitRunView } from '@/lib/contracts/exit';
import { CurrentIcon, NoIcon, OkIcon } from '@/components/ui/icons';

const STEPS = [
  { label: 'Review', done: () => true },
  { label: '1 · Delete special keys', done: (r: ExitRunView) => r.phase !== 'deleting' },
  { label: '2 · Exit and confirm', done: (r: ExitRunView) => r.phase === 'done' },
];

/** Where the run stands, in words: the current step is marked with text, not only colour. */
export function RunSteps({ run }: { run: ExitRunView }) {
  const current = run.phase === 'deleting' ? 1 : run.phase === 'done' || run.phase === 'cancelled' ? -1 : 2;
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label="Exit steps">
      {STEPS.map((s, i) => {
        const done = s.done(run) && i !== current;
        return (
          <li key={s.label} aria-current={i === current ? 'step' : undefined} className={`rounded-full px-3 py-1 ring-1 ${i === current ? 'bg-slate-900 text-white ring-slate-900 dark:bg-slate-100 dark:text-slate-900' : done ? 'ring-emerald-500/40' : 'ring-slate-300 text-slate-500 dark:ring-slate-700'}`}>
            {done ? <OkIcon /> : i === current ? <CurrentIcon /> : null}
            {s.label}
          </li>
        );
      })}
      {run.phase === 'cancelled' && <li className="rounded-full px-3 py-1 ring-1 ring-slate-400"><NoIcon />Cancelled</li>}
    </ol>
  );
}
