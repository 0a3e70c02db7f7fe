import { useTranslation } from 'react-i18next';
import type { CommentAnchor } from '../../shared/deliberation/CommentThread.js';

/** The commented passage as it was when the thread started. */
export function AnchorQuote({ anchor, isDeleted = false }: { anchor: CommentAnchor; isDeleted?: boolean }) {
  const { t } = useTranslation();
  const text = anchor.quote !== '' ? anchor.quote : anchor.kind === 'block' ? t('comments.blockQuote', { blockId: anchor.blockId }) : '';
  return (
    <blockquote className={`comment-quote${isDeleted ? ' comment-quote--deleted' : ''}`} aria-label={t('comments.quoteLabel')}>
      {anchor.kind === 'block' && anchor.quote !== '' && <span className="badge">{anchor.blockId}</span>}
      {anchor.kind === 'section' && <span className="badge">{t('comments.sectionBadge', { title: anchor.sectionTitle || anchor.sectionKey })}</span>} {text}
      {isDeleted && <span className="badge badge--muted comment-quote__deleted">{t('comments.textDeleted')}</span>}
    </blockquote>
  );
}
