import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard; hidden where the clipboard API is unavailable (plain http), the text stays selectable. */
export function CopyTextButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return undefined;
    const timer = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [isCopied]);
  if (navigator.clipboard === undefined) return null;
  return (
    <button type="button" className="button button--small" onClick={() => void navigator.clipboard.writeText(text).then(() => setIsCopied(true))}>
      <span aria-live="polite">{isCopied ? t('common.copied') : t('common.copy')}</span>
    </button>
  );
}
