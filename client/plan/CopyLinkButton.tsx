import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies the plan address, the way people invite each other until sharing exists. */
export function CopyLinkButton() {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return undefined;
    const timer = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [isCopied]);
  // The clipboard API needs a secure context; on plain http the address bar is the fallback.
  if (navigator.clipboard === undefined) return null;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => void navigator.clipboard.writeText(location.href).then(() => setIsCopied(true))}
    >
      <span aria-live="polite">{isCopied ? t('plan.linkCopied') : t('plan.copyLink')}</span>
    </button>
  );
}
