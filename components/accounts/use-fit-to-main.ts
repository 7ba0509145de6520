'use client';

import { useLayoutEffect, type RefObject } from 'react';

/** Never shorter than this: a few rows stay readable on a short window (the page scrolls instead). */
const MIN_HEIGHT_PX = 256;

/**
 * Caps a scroll box's height so that, with the page scrolled to its top, the box ends where the window ends
 * and what follows it (a footnote, the page's padding) still fits: the box's own scrollbar then reaches every
 * row. A fixed `100vh - N rem` guess broke as soon as the filters above it wrapped onto a second line and the
 * last row ended under the window's edge.
 */
export function useFitToMain(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = ref.current;
    const main = el?.closest('main');
    if (!el || !main) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
      el.style.maxHeight = `${Math.max(MIN_HEIGHT_PX, Math.floor(main.clientHeight - top - spaceBelow(el, main)))}px`;
    };
    fit();
    // The window's size and everything above the box (filters wrapping, a banner) move its top.
    const observer = new ResizeObserver(fit);
    observer.observe(main);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, [ref]);
}

/** What follows the box down to the end of <main>: later siblings at every level, paddings, gaps. */
function spaceBelow(el: HTMLElement, main: HTMLElement): number {
  let below = parseFloat(getComputedStyle(main).paddingBottom) || 0;
  let node = el;
  while (node.parentElement && node.parentElement !== main) {
    below += node.parentElement.getBoundingClientRect().bottom - node.getBoundingClientRect().bottom;
    node = node.parentElement;
  }
  const last = main.lastElementChild;
  if (last && last !== node) below += last.getBoundingClientRect().bottom - node.getBoundingClientRect().bottom;
  return below;
}
