'use client';

import { useEffect, useState } from 'react';

/** The current time, re-read every `ms`: for ages that count up on screen. */
export function useTicker(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
