import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wide dialogs hold documents (a version, a comparison); narrow ones hold forms. */
  isWide?: boolean;
}

/** A native modal dialog, open while mounted: focus moves in, Escape closes, focus returns afterwards. */
export function ModalDialog({ title, onClose, children, isWide = false }: ModalDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={dialogRef} className={`dialog${isWide ? ' dialog--wide' : ''}`} aria-label={title} onClose={onClose}>
      <div className="dialog__header">
        <h2 className="dialog__title">{title}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('versions.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
