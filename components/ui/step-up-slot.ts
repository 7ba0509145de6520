'use client';

import { useEffect, useId, useSyncExternalStore, type ReactNode } from 'react';

/**
 * Where the step-up section goes (docs/security.md, "Second factor"): into the dialog that sent the refused
 * action, so the person confirms inside the dialog they were reading instead of in a second one over it. Every
 * open dialog (components/keys/modal.tsx) is a host; the newest open one shows the section in place of its own
 * content. The step-up prompt (components/security/step-up-prompt.tsx) fills the slot; with no dialog open it
 * opens one of its own.
 */
type State = { content: ReactNode | null; onLost: (() => void) | null; hosts: readonly string[] };

let state: State = { content: null, onLost: null, hosts: [] };
const listeners = new Set<() => void>();

function update(next: Partial<State>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Shows `content` in the newest open dialog (null clears it); `onLost` runs if every dialog closes meanwhile. */
export function fillStepUpSlot(content: ReactNode | null, onLost: (() => void) | null = null): void {
  update({ content, onLost: content === null ? null : onLost });
}

/** Whether a dialog is open to host the section. */
export function stepUpHostOpen(): boolean {
  return state.hosts.length > 0;
}

/** For a dialog: registers it as a host while open; answers the section when this dialog is the one to show it. */
export function useStepUpSlot(): ReactNode | null {
  const id = useId();
  useEffect(() => {
    update({ hosts: [...state.hosts, id] });
    return () => {
      update({ hosts: state.hosts.filter((h) => h !== id) });
      // The dialog that showed the section closed, and no other is open: the action is not confirmed.
      if (state.hosts.length === 0 && state.content !== null) state.onLost?.();
    };
  }, [id]);
  return useSyncExternalStore(subscribe, () => (state.hosts.at(-1) === id ? state.content : null), () => null);
}
