/**
 * The app's controls, one look on every page (Tailwind; light and dark). Widths and outer margins are the caller's:
 * a field fills its column in a form (`w-full`) and sits at its own width in a toolbar.
 */
const base = 'rounded-md text-sm font-medium disabled:cursor-not-allowed disabled:opacity-40 print:hidden';
const outlined = 'border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';

export const button = {
  /** The step the form is for: save, create, continue. */
  primary: `${base} bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300`,
  /** Cancel, back, and every action that only opens or shows something. */
  quiet: `${base} ${outlined} px-3 py-1.5`,
  /** The same in a table row or beside a line of text. */
  small: `${base} ${outlined} px-2.5 py-1`,
  /** Opens a destructive step (delete, remove), which then asks to be confirmed. */
  dangerQuiet: `${base} border border-red-300 px-3 py-1.5 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/50`,
  /** Confirms what cannot be undone: the dialog above it says exactly what will happen. */
  danger: `${base} bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-600`,
};

export const input =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100';

/** A label above its field, in a form's grid. */
export const fieldLabel = 'flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400';

/** A boxed message in a flow: what will happen, what went wrong, what is done. */
export const notice = {
  danger: 'rounded-xl border-2 border-red-400 bg-red-50 px-5 py-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100',
  warn: 'rounded-xl border border-amber-400 bg-amber-50 px-5 py-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  ok: 'rounded-xl border border-emerald-400 bg-emerald-50 px-5 py-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100',
};
