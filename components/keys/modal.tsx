'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
import { useStepUpSlot } from '@/components/ui/step-up-slot';

// The control that opened the first of a chain of dialogs (form, then confirmation, then the secret): Radix returns
// focus to a Dialog.Trigger, and these dialogs are opened by plain buttons, so the opener is remembered here.
let opener: HTMLElement | null = null;

function useRememberOpener() {
  useState(() => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    if (active instanceof HTMLElement && !active.closest('[role="dialog"]')) opener = active;
    return null;
  });
}

/**
 * A dialog over the page (Radix: focus moves in and is trapped, Escape closes it, focus goes back to what opened
 * it). `closable` false holds it open until a step that must not be skipped is done (the secret shown once). A
 * click outside never closes it: a half-filled key form or an unread warning is not lost to a stray click.
 * When its action is refused for want of a recent second factor, the dialog asks for it in place of its content
 * (components/ui/step-up-slot.ts), its title still naming the action; the content stays mounted, hidden, and comes
 * back as the action is sent again.
 */
export function Modal({ title, onClose, children, closable = true }: { title: ReactNode; onClose: () => void; children: ReactNode; closable?: boolean }) {
  useRememberOpener();
  const stepUp = useStepUpSlot();
  return (
    <Dialog.Root open onOpenChange={(open) => !open && closable && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-950/50" />
        <Dialog.Content
          aria-describedby={undefined}
          onInteractOutside={(e) => e.preventDefault()}
          onEscapeKeyDown={(e) => !closable && e.preventDefault()}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            // Only when the chain is over: the next dialog of the chain keeps the focus it took.
            if (!document.querySelector('[role="dialog"]') && opener?.isConnected) opener.focus();
          }}
          className="fixed inset-x-0 top-0 z-50 mx-auto max-h-full w-full max-w-xl overflow-y-auto p-4 pt-16 focus:outline-none"
        >
          <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-800 dark:bg-slate-900">
            <Dialog.Title className="mb-3 text-base font-semibold">{title}</Dialog.Title>
            {stepUp}
            <div hidden={stepUp !== null}>{children}</div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
