import { useId, type InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Shown under the input and announced; marks the input invalid. */
  error?: string | null;
  multiline?: boolean;
}

/** A labelled input with its hint and inline error wired up for screen readers. */
export function TextField({ label, value, onChange, hint, error, multiline = false, className, ...inputProps }: TextFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint === undefined ? null : hintId, error ? errorId : null].filter((id) => id !== null).join(' ') || undefined;
  const common = {
    id: inputId,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className={`field${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          name={inputProps.name}
          maxLength={inputProps.maxLength}
          disabled={inputProps.disabled}
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input {...inputProps} {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
