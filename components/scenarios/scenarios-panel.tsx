'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/states';
import { apiFetch } from '@/lib/api-client';
import {
  SCENARIO_RUN_API_PATH,
  scenarioApiPath,
  SCENARIOS_API_PATH,
  SCENARIOS_QUERY_KEY,
  WORST_MOVES_API_PATH,
  type SavedScenario,
  type ScenarioList,
  type ScenarioRun,
  type WorstMoves,
} from '@/lib/contracts/scenarios';
import { formatDateTime } from '@/lib/format';
import { draftOf, EXAMPLE_DRAFT, formError, shocksOf, withFalls, type ScenarioDraft } from '@/lib/scenarios/draft';
import { ScenarioForm } from './scenario-form';
import { ScenarioResult } from './scenario-result';
import { button } from '@/components/ui/controls';

const post = <T,>(path: string, body: unknown) => apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body) });

/** The Scenarios page: saved scenarios, the form, and what the scenario shown gives. */
export function ScenariosPanel({ canSave }: { canSave: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: SCENARIOS_QUERY_KEY, queryFn: () => apiFetch<ScenarioList>(SCENARIOS_API_PATH) });
  const [draft, setDraft] = useState<ScenarioDraft>(EXAMPLE_DRAFT);
  // What the last action said (its error, or what it did); the last good result stays shown after a refused run.
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [shown, setShown] = useState<{ name: string; run: ScenarioRun } | null>(null);
  const onError = (e: Error) => setMessage({ error: true, text: formError(e.message) });
  const note = (text: string) => setMessage({ error: false, text });
  // Only the newest run is shown: an earlier one that answers late (the example, still running as a saved
  // scenario is opened) must not replace it.
  const newest = useRef(0);
  const run = useMutation({
    mutationFn: async (d: ScenarioDraft) => ({ seq: ++newest.current, run: await post<ScenarioRun>(SCENARIO_RUN_API_PATH, { shocks: shocksOf(d) }) }),
    onMutate: () => setMessage(null),
    onSuccess: (r, d) => {
      if (r.seq === newest.current) setShown({ name: d.name, run: r.run });
    },
    onError,
  });
  const save = useMutation({
    mutationFn: (d: ScenarioDraft) => post<SavedScenario>(SCENARIOS_API_PATH, { name: d.name, shocks: shocksOf(d) }),
    onSuccess: async (s) => {
      note(`Saved “${s.name}”.`);
      await queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (s: SavedScenario) => apiFetch<{ deleted: string }>(scenarioApiPath(s.id), { method: 'DELETE' }),
    onSuccess: async (_, s) => {
      note(`Deleted “${s.name}”.`);
      await queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY });
    },
    onError,
  });
  const moves = useMutation({
    mutationFn: (window: WorstMoves['window']) => post<WorstMoves>(WORST_MOVES_API_PATH, { window }),
    onError,
    onSuccess: (m) => {
      setDraft((d) => withFalls(d, m.falls));
      const none = Object.keys(m.falls).length === 0;
      note(
        `${none ? 'No asset held has a USDT market to read.' : `Worst falls read from the exchange’s klines at ${formatDateTime(m.readAt)}.`}` +
          (m.withoutMarket.length ? ` No USDT market for ${m.withoutMarket.join(', ')}: ${m.withoutMarket.length === 1 ? 'it takes' : 'they take'} the “every other” shock.` : ''),
      );
    },
  });

  // The example runs once as the page opens, so the page says something before anyone types.
  const ran = useRef(false);
  useEffect(() => {
    if (ran.current) return;
    ran.current = true;
    run.mutate(EXAMPLE_DRAFT);
  }, [run]);

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      <div className="space-y-6">
        <Card title="Saved scenarios">
          {list.isError ? (
            <ErrorState title="Could not load the saved scenarios" message={list.error.message} onRetry={() => list.refetch()} />
          ) : list.data && list.data.scenarios.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">{canSave ? 'None saved yet: name the scenario below and save it.' : 'None saved yet. Owners save scenarios; you can run any.'}</p>
          ) : (
            <ul className="space-y-2" aria-label="Saved scenarios">
              {list.data?.scenarios.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="saved-scenario" data-name={s.name}>
                  <span className="min-w-0">
                    <span className="block font-medium wrap-anywhere">{s.name}</span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">saved by {s.savedBy}, {formatDateTime(s.savedAt)}</span>
                  </span>
                  <span className="flex gap-2">
                    <button
                      type="button"
                      className={button.quiet}
                      onClick={() => {
                        const d = draftOf(s.name, s.shocks);
                        setDraft(d);
                        run.mutate(d);
                      }}
                    >
                      Open
                    </button>
                    {canSave && (
                      <button type="button" className={button.quiet} disabled={remove.isPending} aria-label={`Delete ${s.name}`} onClick={() => remove.mutate(s)}>
                        Delete
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Shocks">
          <ScenarioForm
            draft={draft}
            onChange={setDraft}
            assets={list.data?.assets ?? []}
            canSave={canSave}
            running={run.isPending}
            saving={save.isPending}
            readingMoves={moves.isPending}
            onRun={() => run.mutate(draft)}
            onSave={() => save.mutate(draft)}
            onWorstMoves={(w) => moves.mutate(w)}
          />
          <div aria-live="polite" className="mt-3 space-y-1 text-sm">
            {message?.error && <p role="alert" className="font-medium text-red-700 dark:text-red-400">{message.text}</p>}
            {message && !message.error && <p className="text-slate-700 dark:text-slate-300">{message.text}</p>}
          </div>
        </Card>
      </div>
      {/* On a phone the answer comes first; on a wide screen it sits beside the form. */}
      <Card className="order-first xl:order-none" title={shown?.name ? `What “${shown.name}” gives` : 'What this scenario gives'}>
        {shown ? <ScenarioResult run={shown.run} /> : <p className="text-sm text-slate-500 dark:text-slate-400">{run.isPending ? 'Running…' : 'Run a scenario to see what each account would owe.'}</p>}
      </Card>
    </div>
  );
}
