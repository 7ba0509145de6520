'use client';

import { useEffect, useState } from 'react';

/**
 * "Now" for data ages. Starts at a time the server also knows (so server and browser render the same
 * text), then follows the browser clock.
 */
export function useNow(initial: string | null, everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date(initial ?? 0));
  useEffect(() => {
    const first = setTimeout(() => setNow(new Date()), 0);
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
