import type { ReactNode } from 'react';

/**
 * A number that must never be clipped: it stays on one line (the label beside it wraps instead) and is
 * marked `data-figure`, so the layout test can check it is shown whole at every width.
 */
export function Figure({ children, className = '', title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <span data-figure title={title} className={`num inline-block max-w-full whitespace-nowrap ${className}`}>
      {children}
    </span>
  );
}
