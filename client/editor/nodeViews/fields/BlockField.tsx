import type { ReactNode } from 'react';

export interface BlockFieldProps {
  id: string;
  label: string;
  children: ReactNode;
  /** Grid modifier: 'wide' spans the whole row. */
  width?: 'wide' | 'normal' | 'narrow';
  error?: string | null;
  errorId?: string;
}

/** A labelled control inside a block, with its validation message under it. */
export function BlockField({ id, label, children, width = 'normal', error, errorId }: BlockFieldProps) {
  return (
    <div className={`block-field block-field--${width}`}>
      <label className="block-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error && (
        <p className="block-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
