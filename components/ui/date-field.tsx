'use client';

import { useId, useState, type ReactNode } from 'react';
import { formatDay, parseDay } from '@/lib/format';

/**
 * A calendar day typed as "1 Dec 2026" or "2026-12-01", with the day it was read as shown underneath. The browser's
 * date input shows mm/dd/yyyy or dd/mm/yyyy by the machine's locale, and 01/12/2026 means two days on one desk.
 * `onChange` gets the day ("2026-12-01"), '' when the field is empty, or null while the text is not a day.
 */
export function DateField({
  label,
  value,
  onChange,
  required = false,
  className = '',
  labelClassName = '',
}: {
  label: ReactNode;
  value: string;
  onChange: (day: string | null) => void;
  required?: boolean;
  className?: string;
  labelClassName?: string;
}) {
  const id = useId();
  const hint = `${id}-read-as`;
  const [text, setText] = useState(value ? formatDay(value) : '');
  const [shown, setShown] = useState(value);
  // A value set from outside (a form cleared after saving, a filter reset) replaces what was typed.
  if (value !== shown) {
    setShown(value);
    if ((parseDay(text) ?? '') !== value) setText(value ? formatDay(value) : '');
  }
  const day = parseDay(text);
  const empty = text.trim() === '';

  return (
    // The read-out sits outside the <label>, so the field's name stays its label ("From"), not label and read-out.
    <div className={labelClassName}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className}
        value={text}
        required={required}
        inputMode="text"
        autoComplete="off"
        placeholder="1 Dec 2026"
        aria-invalid={!empty && day === null}
        aria-describedby={hint}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? '' : parseDay(e.target.value);
          setShown(next ?? value);
          onChange(next);
        }}
        onBlur={() => day && setText(formatDay(day))}
      />
      <span id={hint} data-testid="date-read-as" className={`num block text-[11px] font-normal ${!empty && day === null ? 'text-amber-800 dark:text-amber-300' : 'text-slate-500 dark:text-slate-400'}`}>
        {empty ? 'or as 2026-12-01' : day === null ? 'Not a day: try 1 Dec 2026' : `${formatDay(day)} · ${day}`}
      </span>
    </div>
  );
}
