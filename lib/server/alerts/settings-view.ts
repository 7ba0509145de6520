import 'server-only';
import { DEFAULT_RULES, describeCondition, effectiveRules, KIND_LABELS, KIND_SPECS, CONDITION_KINDS } from '@/lib/alerts';
import type { ChannelView, RulesResponse } from '@/lib/contracts/alerts';
import type { Db } from '../db/client';
import { listChannels } from './channels';
import { knownAccounts, knownLabels, savedRules } from './rules-store';
import { historyByChannel } from './history';
import { pendingByChannel } from './sender';

export async function rulesView(db: Db): Promise<RulesResponse> {
  const saved = await savedRules(db);
  const [accounts, labels] = await Promise.all([knownAccounts(db), knownLabels(db)]);
  return {
    rules: effectiveRules(saved).map((r) => {
      const isDefault = DEFAULT_RULES.some((d) => d.id === r.id);
      return { ...r, isDefault, edited: isDefault && saved.some((s) => s.id === r.id), kindLabel: KIND_LABELS[r.kind], condition: describeCondition(r) };
    }),
    kinds: CONDITION_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], level: KIND_SPECS[kind].subject })),
    accounts,
    labels,
  };
}

export async function channelsView(db: Db): Promise<ChannelView[]> {
  const rows = await listChannels(db);
  const ids = rows.map((r) => r.id);
  const [pending, history] = await Promise.all([pendingByChannel(db, ids), historyByChannel(db, ids)]);
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, format: r.format, target: r.target, enabled: r.enabled, createdAt: r.createdAt.toISOString(),
    lastOkAt: r.lastOkAt?.toISOString() ?? null, lastError: r.lastError, lastErrorAt: r.lastErrorAt?.toISOString() ?? null, pending: pending.get(r.id)?.pending ?? 0, held: pending.get(r.id)?.held ?? 0, quietHours: r.quietHours ?? null,
    history: history.get(r.id) ?? [],
  }));
}
