import { useEffect, useRef, useState, type ChangeEvent } from 'react';

export interface DraftTextInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  describedBy?: string;
  ariaLabel?: string;
  isInvalid?: boolean;
}

/**
 * A text box that commits every change but keeps its own draft while it has
 * focus, so a remote edit of the same field arriving mid-typing never moves
 * the caret or swallows a keystroke; the draft follows the document on blur.
 */
export function DraftTextInput({ id, value, onChange, disabled, multiline, className, placeholder, describedBy, ariaLabel, isInvalid }: DraftTextInputProps) {
  const [draft, setDraft] = useState(value);
  const isFocused = useRef(false);
  useEffect(() => {
    if (!isFocused.current) setDraft(value);
  }, [value]);

  const handleChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    setDraft(event.target.value);
    onChange(event.target.value);
  };
  const common = {
    id,
    className,
    value: draft,
    disabled,
    placeholder,
    'aria-describedby': describedBy,
    'aria-label': ariaLabel,
    'aria-invalid': isInvalid || undefined,
    onFocus: () => {
      isFocused.current = true;
    },
    onBlur: () => {
      isFocused.current = false;
      setDraft(value);
    },
    onChange: handleChange,
  };
  return multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />;
}
