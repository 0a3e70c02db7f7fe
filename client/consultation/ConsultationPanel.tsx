import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../shared/consultations/Consultation.js';
import { can, type Role } from '../../shared/workspace/roles.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { ServerChannel } from '../collaboration/ServerChannel.js';
import { consultationPath } from '../routing/parseRoute.js';
import { CopyTextButton } from '../workspace/CopyTextButton.js';
import { closeConsultation, REMARKS_TABLE_FORMATS, remarksTableUrl } from './consultationApi.js';
import { ConsultationStatusBadge } from './ConsultationStatusBadge.js';
import { OpenConsultationForm } from './OpenConsultationForm.js';
import { RemarkCard, type RemarkDiscussionContext } from './RemarkCard.js';
import type { Loaded } from './useConsultations.js';
import { useRemarks } from './useConsultations.js';
import './consultation.css';

export interface ConsultationPanelProps {
  planId: string;
  role: Role;
  channel: ServerChannel;
  consultations: Loaded<Consultation[]>;
  /** The plan's comment threads, where the remarks' threads live; null until they are available. */
  discussion: RemarkDiscussionContext | null;
}

/** The team's side of public consultations: open one, share its page, read and answer the remarks, export the table. */
export function ConsultationPanel({ planId, role, channel, consultations, discussion }: ConsultationPanelProps) {
  const { t } = useTranslation();
  if (consultations.status === 'loading') return <p className="loading" role="status">{t('common.loading')}</p>;
  if (consultations.status === 'error') return <div className="notice notice--error" role="alert">{apiErrorMessage(consultations.error, t)}</div>;
  const list = consultations.data;
  const hasActive = list.some((entry) => entry.status === 'scheduled' || entry.status === 'open');
  return (
    <section className="consultation-panel" aria-label={t('consultation.panelTitle')}>
      <h2 className="panel__title">{t('consultation.panelTitle')}</h2>
      {can(role, 'version.freeze') && !hasActive && <OpenConsultationForm planId={planId} />}
      {list.length === 0 && <p>{t('consultation.empty')}</p>}
      {list.map((consultation) => (
        <ConsultationItem key={consultation.id} consultation={consultation} role={role} channel={channel} discussion={discussion} />
      ))}
    </section>
  );
}

function ConsultationItem({ consultation, role, channel, discussion }: { consultation: Consultation; role: Role; channel: ServerChannel; discussion: RemarkDiscussionContext | null }) {
  const { t } = useTranslation();
  const { state, replace } = useRemarks(consultation.id, channel);
  const publicUrl = `${location.origin}${consultationPath(consultation.publicToken)}`;
  const isActive = consultation.status === 'scheduled' || consultation.status === 'open';
  return (
    <div className="consultation-panel__item" data-consultation={consultation.number}>
      <h3>{t('consultation.consultationHeading', { number: String(consultation.number), version: String(consultation.agreedNumber ?? '') })}</h3>
      <p><ConsultationStatusBadge consultation={consultation} /></p>
      <p>{t('consultation.counts', { count: consultation.remarkCount, responded: String(consultation.respondedCount) })}</p>
      {isActive && (
        <div className="consultation-panel__link">
          <label>
            {t('consultation.publicLink')}
            <input type="text" readOnly value={publicUrl} onFocus={(event) => event.target.select()} />
          </label>
          <CopyTextButton text={publicUrl} label={t('consultation.copyLink')} copiedLabel={t('consultation.linkCopied')} />
          {can(role, 'version.freeze') && (
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => {
                if (window.confirm(t('consultation.closeConfirm'))) void closeConsultation(consultation.id);
              }}
            >
              {t('consultation.close')}
            </button>
          )}
        </div>
      )}
      <p className="consultation-panel__exports">
        {t('consultation.exportTable')}:{' '}
        {REMARKS_TABLE_FORMATS.map((format) => (
          <a key={format} className="button button--small" href={remarksTableUrl(consultation.id, format)} download>
            {t('consultation.exportAs', { format: format.toUpperCase() })}
          </a>
        ))}
      </p>
      <h4>{t('consultation.remarksHeading')}</h4>
      {state.status === 'loading' && <p className="loading" role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <div className="notice notice--error" role="alert">{apiErrorMessage(state.error, t)}</div>}
      {state.status === 'ready' && state.data.length === 0 && <p>{t('consultation.noRemarks')}</p>}
      {state.status === 'ready' &&
        state.data.map((remark) => (
          <RemarkCard key={remark.id} remark={remark} mayDecide={can(role, 'proposal.decide')} mayComment={can(role, 'plan.comment')} discussion={discussion} onChanged={replace} />
        ))}
    </div>
  );
}
