import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicConsultation, PublicPlanView } from '../../shared/consultations/Consultation.js';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { fetchPublicConsultation } from './consultationApi.js';
import { formatCalendarDate } from './formatCalendarDate.js';
import { PublicContent } from './PublicContent.js';
import { RemarkForm, type RemarkTargetChoice } from './RemarkForm.js';
import { readSelectionTarget, type SelectionTarget } from './readSelectionTarget.js';
import './consultation.css';

/** The page anyone with the link sees: the consulted version, read-only, and the remark form. */
export function PublicConsultationPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiQuery(() => fetchPublicConsultation(token), [token]);
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('consultation.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    const isMissing = isApiError(state.error) && (state.error.status === 404 || state.error.status === 400);
    return (
      <div className="notice notice--error" role="alert">
        {isMissing ? t('consultation.notFound') : apiErrorMessage(state.error, t)}
      </div>
    );
  }
  const consultation = state.data;
  const dates = { from: formatCalendarDate(consultation.startsOn, i18n.language), to: formatCalendarDate(consultation.endsOn, i18n.language) };
  return (
    <div className="public-consultation">
      <p className="public-consultation__kicker">{t('consultation.publicTitle')}</p>
      <h1>{consultation.plan?.title ?? consultation.planTitle}</h1>
      {consultation.plan === null ? (
        <div className="notice notice--info" role="status">
          {consultation.status === 'scheduled' ? t('consultation.notOpenYet', dates) : t('consultation.closed', dates)}
        </div>
      ) : (
        <OpenConsultation token={token} consultation={consultation} plan={consultation.plan} period={t('consultation.period', dates)} onClosed={reload} />
      )}
    </div>
  );
}

function OpenConsultation({ token, consultation, plan, period, onClosed }: { token: string; consultation: PublicConsultation; plan: PublicPlanView; period: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<RemarkTargetChoice>({ sectionKey: plan.sections[0]?.key ?? '', blockId: null, quote: '', generation: 0 });
  const [selection, setSelection] = useState<SelectionTarget | null>(null);
  const documentRef = useRef<HTMLDivElement>(null);
  const choose = useCallback((next: Omit<RemarkTargetChoice, 'generation'>) => {
    setTarget((previous) => ({ ...next, generation: previous.generation + 1 }));
    setSelection(null);
  }, []);
  const noticeSelection = (): void => {
    const root = documentRef.current;
    if (root !== null) setSelection(readSelectionTarget(root, consultation.limits.quote));
  };

  return (
    <>
      <p>{[plan.kindLabel, plan.territory, plan.period].filter(Boolean).join(' · ')}</p>
      {plan.versionLine !== '' && <p className="public-consultation__version">{plan.versionLine}</p>}
      <p className="notice notice--info">{period}</p>
      <p>{t('consultation.publicIntro')}</p>
      <div className="public-consultation__columns">
        <div
          className="public-consultation__document"
          ref={documentRef}
          aria-label={t('consultation.documentLabel')}
          role="region"
          onMouseUp={noticeSelection}
          onKeyUp={noticeSelection}
        >
          {plan.sections.map((section) => (
            <section key={section.key} data-section-key={section.key} className="public-consultation__section">
              <h2>{`${section.number} ${section.title}`}</h2>
              <button type="button" className="button button--small button--link" onClick={() => choose({ sectionKey: section.key, blockId: null, quote: '' })}>
                {t('consultation.remarkOnPart')}
              </button>
              {section.parts.map((part, index) => (
                <div key={part.blockId ?? `text-${index}`} className="public-consultation__part" data-block-id={part.blockId ?? undefined}>
                  <PublicContent blocks={part.content} />
                  {part.blockId !== null && (
                    <button type="button" className="button button--small button--link" onClick={() => choose({ sectionKey: section.key, blockId: part.blockId, quote: '' })}>
                      {t('consultation.remarkOnPart')}
                    </button>
                  )}
                </div>
              ))}
            </section>
          ))}
        </div>
        <aside className="public-consultation__form">
          {selection !== null && (
            <div className="public-consultation__selection" role="status">
              <p>{t('consultation.selectionHint', { text: selection.quote.length > 80 ? `${selection.quote.slice(0, 80)}…` : selection.quote })}</p>
              <button type="button" className="button button--primary button--small" onClick={() => choose(selection)}>
                {t('consultation.remarkOnSelection')}
              </button>
            </div>
          )}
          <RemarkForm token={token} plan={plan} limits={consultation.limits} target={target} onTargetChange={choose} onNotOpen={onClosed} />
        </aside>
      </div>
    </>
  );
}
