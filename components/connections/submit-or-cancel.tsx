import { button } from '@/components/ui/controls';

/** The two buttons every key form ends with: submit (busy while the key is checked live) and cancel. */
export function SubmitOrCancel({ pending, label, pendingLabel, onCancel }: { pending: boolean; label: string; pendingLabel: string; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={button.primary} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <button type="button" className={button.quiet} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
