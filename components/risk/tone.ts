/** Text colours for the status tones of lib/risk-labels: always paired with an icon or a word, never alone. */
export const TONE_TEXT = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  warn: 'text-amber-700 dark:text-amber-400',
  danger: 'text-red-700 dark:text-red-400',
  muted: 'text-slate-500 dark:text-slate-400',
} as const;

export type Tone = keyof typeof TONE_TEXT;

export const TONE_BAR = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  danger: 'bg-red-500',
  muted: 'bg-slate-400',
} as const;
