import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

export interface ConfirmButtonProps {
  /** The button's text. */
  label: string;
  /** Longer accessible name when the label alone is ambiguous in a list ("Remove" → "Remove Anna"). */
  accessibleLabel?: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}

/**
 * A button for a destructive action that asks first, in a native modal dialog
 * (focus moves into it, Escape cancels, focus returns to the button). A refused
 * call keeps the dialog open with the reason.
 */
export function ConfirmButton({ label, accessibleLabel, title, message, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const confirm = async (): Promise<void> => {
    setIsPending(true);
    setError(null);
    try {
      await onConfirm();
      setIsOpen(false);
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--small button--danger" aria-label={accessibleLabel} onClick={() => setIsOpen(true)}>
        {label}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-label={title} onClose={() => setIsOpen(false)}>
        <h2 className="dialog__title">{title}</h2>
        <p>{message}</p>
        {error !== null && (
          <div className="notice notice--error" role="alert">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setIsOpen(false)} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--danger-strong" disabled={isPending} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
