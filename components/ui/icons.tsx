import { Check, Circle, CircleCheck, CircleHelp, CircleX, Clock, LoaderCircle, Pause, Play, Scale, TriangleAlert, X, type LucideIcon } from 'lucide-react';

/**
 * The few marks the text carries beside a word ("Withdrawals enabled", "Exited", "stale"), from the app's one icon
 * set, sized to the text they sit in. Typographic glyphs (⚠ ⏱ § ✓) render as empty boxes where a font lacks them.
 * Decorative by default: the word beside it says the same; `label` makes the mark itself readable.
 */
function inlineIcon(Icon: LucideIcon, extra = '') {
  function InlineIcon({ className = '', label }: { className?: string; label?: string }) {
    return (
      <Icon
        aria-hidden={label ? undefined : true}
        aria-label={label}
        role={label ? 'img' : undefined}
        className={`mr-1 inline-block size-[1em] shrink-0 align-[-0.125em] ${extra} ${className}`}
      />
    );
  }
  return InlineIcon;
}

export const WarnIcon = inlineIcon(TriangleAlert);
export const OkIcon = inlineIcon(Check);
export const NoIcon = inlineIcon(X);
export const ClockIcon = inlineIcon(Clock);
export const BusyIcon = inlineIcon(LoaderCircle, 'motion-safe:animate-spin');
export const CurrentIcon = inlineIcon(Play);
/** Held back (an alert waiting for the quiet-hours digest). */
export const PauseIcon = inlineIcon(Pause);
/** A rule that applies (the LiquidationLoan rule), where the text once carried "§". */
export const RuleIcon = inlineIcon(Scale);

const SYMBOL_ICON: Record<string, ReturnType<typeof inlineIcon>> = {
  '✖': inlineIcon(CircleX),
  '▲': WarnIcon,
  '?': inlineIcon(CircleHelp),
  '●': inlineIcon(CircleCheck),
  '○': inlineIcon(Circle),
};

/** A status's mark (lib/risk/status.ts names it by its old glyph: ✖ ▲ ? ● ○) drawn from the icon set. */
export function StatusIcon({ symbol, className = '' }: { symbol: string; className?: string }) {
  const Icon = SYMBOL_ICON[symbol] ?? SYMBOL_ICON['?']!;
  return <Icon className={className} />;
}
