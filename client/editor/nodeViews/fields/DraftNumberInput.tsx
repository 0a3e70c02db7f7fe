import { useEffect, useRef, useState } from 'react';
import { formatNumber, parseNumber } from '../../fieldViews/polishNumber.js';

export interface DraftNumberInputProps {
  id: string;
  value: number | null;
  onChange: (value: number | null) => void;
  disabled: boolean;
  /** Whole numbers only (years). */
  isInteger?: boolean;
  /** Empty means null; otherwise an empty box is not committed. */
  isNullable?: boolean;
  min?: number;
  className?: string;
  ariaLabel?: string;
  describedBy?: string;
}

/**
 * A number box that accepts a Polish decimal comma and spaces between
 * thousands. Only parseable values are committed; while the text does not
 * parse, the box is marked invalid and the document keeps its value.
 */
export function DraftNumberInput({ id, value, onChange, disabled, isInteger, isNullable, min, className, ariaLabel, describedBy }: DraftNumberInputProps) {
  const [draft, setDraft] = useState(formatNumber(value));
  const [isInvalid, setIsInvalid] = useState(false);
  const isFocused = useRef(false);
  useEffect(() => {
    if (!isFocused.current) {
      setDraft(formatNumber(value));
      setIsInvalid(false);
    }
  }, [value]);

  return (
    <input
      id={id}
      type="text"
      inputMode={isInteger ? 'numeric' : 'decimal'}
      className={className}
      value={draft}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={isInvalid || undefined}
      onFocus={() => {
        isFocused.current = true;
      }}
      onBlur={() => {
        isFocused.current = false;
        setDraft(formatNumber(value));
        setIsInvalid(false);
      }}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        const parsed = parseNumber(text, isInteger === true);
        const isEmpty = text.trim() === '';
        const isValid = isEmpty ? isNullable === true : parsed !== null && (min === undefined || parsed >= min);
        setIsInvalid(!isValid);
        if (isValid) onChange(isEmpty ? null : parsed);
      }}
    />
  );
}
