import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation } from '../../shared/consultations/Consultation.js';
import { listConsultations } from '../consultation/consultationApi.js';
import { isApiError } from '../api/ApiError.js';
import { focusBlock } from '../editor/focusPlanElement.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { fetchOpenProposals, freezeAgreedVersion, listVersions } from './versionApi.js';
import { versionErrorMessage } from './versionErrorMessage.js';
import { shortHash } from './shortHash.js';

type Step = { kind: 'idle' } | { kind: 'checking' } | { kind: 'blocked'; open: OpenProposal[] } | { kind: 'form' } | { kind: 'done'; version: PlanVersion };

/** The latest closed consultation whose remarks table no version annexes yet. */
function annexCandidateOf(consultations: readonly Consultation[], versions: readonly PlanVersion[]): Consultation | null {
  const annexedConsultationIds = new Set(versions.flatMap((version) => (version.remarksAnnex === null ? [] : [version.remarksAnnex.consultationId])));
  return consultations.find((consultation) => (consultation.status === 'closed' || consultation.status === 'responded') && !annexedConsultationIds.has(consultation.id)) ?? null;
}

const isFullyAnswered = (consultation: Consultation): boolean => consultation.respondedCount === consultation.remarkCount;

/**
 * The chair freezes the agreed version: first the open proposals are checked
 * (each one listed with a link to its block), then the decision is recorded,
 * with the remarks table of the consultation just closed as an annex if the chair keeps it ticked.
 */
export function AgreedVersionForm({ planId, onFrozen }: { planId: string; onFrozen: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [decisionDate, setDecisionDate] = useState('');
  const [decisionReference, setDecisionReference] = useState('');
  const [name, setName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ date?: string; reference?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [annexCandidate, setAnnexCandidate] = useState<Consultation | null>(null);
  const [isAnnexing, setIsAnnexing] = useState(false);

  const check = async (): Promise<void> => {
    setStep({ kind: 'checking' });
    setError(null);
    try {
      // Versions read now, not from the panel's list (still loading after a reload, or stale after a
      // colleague's freeze): a table annexed once is never offered again.
      const [open, consultations, versions] = await Promise.all([fetchOpenProposals(planId), listConsultations(planId), listVersions(planId)]);
      const candidate = annexCandidateOf(consultations, versions);
      setAnnexCandidate(candidate);
      setIsAnnexing(candidate !== null && isFullyAnswered(candidate));
      setStep(open.length > 0 ? { kind: 'blocked', open } : { kind: 'form' });
    } catch (caught) {
      setError(versionErrorMessage(caught, t));
      setStep({ kind: 'idle' });
    }
  };

  const freeze = async (): Promise<void> => {
    const errors = {
      ...(decisionDate === '' ? { date: t('versions.agreed.dateRequired') } : {}),
      ...(decisionReference.trim() === '' ? { reference: t('versions.agreed.referenceRequired') } : {}),
    };
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setIsPending(true);
    setError(null);
    try {
      const version = await freezeAgreedVersion(planId, {
        decisionDate,
        decisionReference: decisionReference.trim(),
        ...(name.trim() === '' ? {} : { name: name.trim() }),
        ...(isAnnexing && annexCandidate !== null ? { annexRemarksOf: annexCandidate.id } : {}),
      });
      setStep({ kind: 'done', version });
      onFrozen();
    } catch (caught) {
      // Someone reopened a proposal in the meantime: show which.
      if (isApiError(caught, 'openProposals')) {
        const details = caught.details as { open?: OpenProposal[] } | undefined;
        setStep({ kind: 'blocked', open: details?.open ?? [] });
      }
      setError(versionErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <section className="agreed-version" aria-labelledby="agreed-version-heading">
      <h3 id="agreed-version-heading">{t('versions.agreed.heading')}</h3>
      <p className="hint">{t('versions.agreed.hint')}</p>
      {(step.kind === 'idle' || step.kind === 'checking' || step.kind === 'blocked') && (
        <button type="button" className="button" disabled={step.kind === 'checking'} onClick={() => void check()}>
          {step.kind === 'checking' ? t('versions.agreed.checking') : t('versions.agreed.freeze')}
        </button>
      )}
      {step.kind === 'blocked' && (
        <div className="notice notice--warning" role="alert">
          <p>{t('versions.agreed.openProposals')}</p>
          <ul className="open-proposals">
            {step.open.map((proposal) => (
              <li key={proposal.blockId}>
                <button type="button" className="button button--link" onClick={() => focusBlock(proposal.blockId)}>
                  {t('versions.agreed.goToBlock', { id: proposal.blockId })}
                </button>{' '}
                {proposal.title !== '' && `„${proposal.title}”`} — {t(`versions.status.${proposal.status as 'draft'}`, { defaultValue: proposal.status })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === 'form' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void freeze();
          }}
        >
          <TextField label={t('versions.agreed.decisionDate')} type="date" value={decisionDate} onChange={setDecisionDate} error={fieldErrors.date ?? null} />
          <TextField
            label={t('versions.agreed.decisionReference')}
            hint={t('versions.agreed.decisionReferenceHint')}
            value={decisionReference}
            onChange={setDecisionReference}
            maxLength={500}
            error={fieldErrors.reference ?? null}
          />
          <TextField label={t('versions.agreed.versionName')} value={name} onChange={setName} maxLength={200} />
          {annexCandidate !== null && (
            <div className="field field--checkbox">
              <label>
                <input
                  type="checkbox"
                  data-testid="annex-remarks"
                  checked={isAnnexing}
                  disabled={!isFullyAnswered(annexCandidate)}
                  onChange={(event) => setIsAnnexing(event.target.checked)}
                />{' '}
                {t('versions.agreed.annexRemarks', { number: String(annexCandidate.number), count: annexCandidate.remarkCount })}
              </label>
              <p className="hint">
                {isFullyAnswered(annexCandidate)
                  ? t('versions.agreed.annexRemarksHint')
                  : t('versions.agreed.annexRemarksUnanswered', { count: annexCandidate.remarkCount - annexCandidate.respondedCount })}
              </p>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isPending}>
              {isPending ? t('versions.agreed.freezing') : t('versions.agreed.confirm')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'done' && step.version.agreed !== null && (
        <div className="notice notice--success" role="status">
          {t('versions.agreed.frozen', { number: String(step.version.agreed.number), hash: shortHash(step.version.contentHash) })}
        </div>
      )}
      <FormError message={error} />
    </section>
  );
}
