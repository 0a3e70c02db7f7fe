import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CopyTextButtonProps {
  /** A function is read at click time, for text such as the page address that can change after rendering. */
  text: string | (() => string);
  label?: string;
  copiedLabel?: string;
}

/** Copies `text` to the clipboard; hidden where the clipboard API is unavailable (plain http), the text stays selectable. */
export function CopyTextButton({ text, label, copiedLabel }: CopyTextButtonProps) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return undefined;
    const timer = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [isCopied]);
  if (navigator.clipboard === undefined) return null;
  const copy = (): void => {
    void navigator.clipboard.writeText(typeof text === 'string' ? text : text()).then(() => setIsCopied(true));
  };
  return (
    <button type="button" className="button button--small" onClick={copy}>
      <span aria-live="polite">{isCopied ? (copiedLabel ?? t('common.copied')) : (label ?? t('common.copy'))}</span>
    </button>
  );
}
