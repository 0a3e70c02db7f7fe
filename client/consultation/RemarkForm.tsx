import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicPlanView, RemarkField } from '../../shared/consultations/Consultation.js';
import { REMARK_LIMITS } from '../../shared/consultations/Consultation.js';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { submitRemark } from './consultationApi.js';

/** Where the remark points; `generation` changes each time the reader picks a target on the page. */
export interface RemarkTargetChoice {
  sectionKey: string;
  blockId: string | null;
  quote: string;
  generation: number;
}

type TextField = Exclude<RemarkField, 'quote'> | 'quote';
type Values = Record<TextField, string>;

const EMPTY: Values = { submitterName: '', contact: '', quote: '', remark: '', proposedWording: '', justification: '' };
const REQUIRED: readonly TextField[] = ['submitterName', 'remark'];

export interface RemarkFormProps {
  token: string;
  plan: PublicPlanView;
  limits: typeof REMARK_LIMITS;
  target: RemarkTargetChoice;
  onTargetChange: (target: Omit<RemarkTargetChoice, 'generation'>) => void;
  /** The server says the consultation is no longer open: the page reloads its state. */
  onNotOpen: () => void;
}

/** The remark form: checked here for what is required and too long, and again (authoritatively) on the server. */
export function RemarkForm({ token, plan, limits, target, onTargetChange, onNotOpen }: RemarkFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<TextField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  const remarkRef = useRef<HTMLTextAreaElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setValues((previous) => ({ ...previous, quote: target.quote }));
    if (target.generation > 0) {
      setReceipt(null);
      remarkRef.current?.focus();
    }
  }, [target]);
  useEffect(() => {
    if (receipt !== null) confirmationRef.current?.focus();
  }, [receipt]);

  const section = plan.sections.find((candidate) => candidate.key === target.sectionKey) ?? plan.sections[0];
  const blocks = section?.parts.filter((part) => part.blockId !== null) ?? [];
  const label = (field: TextField): string => t(`consultation.${field}`);

  const validate = (): Partial<Record<TextField, string>> => {
    const found: Partial<Record<TextField, string>> = {};
    for (const field of Object.keys(EMPTY) as TextField[]) {
      if (REQUIRED.includes(field) && values[field].trim() === '') found[field] = t('consultation.required');
      else if (values[field].length > limits[field]) found[field] = t('consultation.tooLong', { max: String(limits[field]) });
    }
    return found;
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setIsSending(true);
    try {
      const result = await submitRemark(token, { ...values, sectionKey: section?.key ?? '', blockId: target.blockId });
      setReceipt(result.reference);
      setValues({ ...EMPTY, submitterName: values.submitterName, contact: values.contact });
      setErrors({});
    } catch (error) {
      // Nothing typed is lost: the values stay in the form whatever went wrong.
      setFormError(submissionError(error));
      if (isApiError(error) && error.code === 'consultationNotOpen') onNotOpen();
    } finally {
      setIsSending(false);
    }
  };

  const submissionError = (error: unknown): string => {
    if (!isApiError(error)) return apiErrorMessage(error, t);
    if (error.code === 'tooManyRemarks') {
      const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      return t('consultation.tooManyRemarks', { minutes: String(Math.max(1, Math.ceil((typeof seconds === 'number' ? seconds : 3600) / 60))) });
    }
    if (error.code === 'consultationNotOpen') return t('consultation.notOpen');
    if (error.code === 'invalidBody' && Array.isArray(error.details)) {
      const fieldErrors: Partial<Record<TextField, string>> = {};
      for (const detail of error.details as Array<{ path?: unknown; message?: unknown }>) {
        if (typeof detail.path === 'string' && detail.path in EMPTY) fieldErrors[detail.path as TextField] = String(detail.message ?? '');
      }
      setErrors(fieldErrors);
      const [first] = Object.keys(fieldErrors) as TextField[];
      if (first !== undefined) return t('consultation.fieldError', { field: label(first), message: fieldErrors[first] ?? '' });
    }
    return apiErrorMessage(error, t);
  };

  if (receipt !== null) {
    return (
      <div className="notice notice--success public-consultation__receipt" role="status" tabIndex={-1} ref={confirmationRef}>
        <h2>{t('consultation.confirmationTitle')}</h2>
        <p>{t('consultation.confirmation', { reference: receipt })}</p>
        <p className="public-consultation__reference" data-testid="remark-reference">{receipt}</p>
        <button type="button" className="button" onClick={() => setReceipt(null)}>
          {t('consultation.anotherRemark')}
        </button>
      </div>
    );
  }

  const field = (name: TextField, options: { multiline?: boolean; hint?: string; inputRef?: Ref<HTMLTextAreaElement> } = {}) => {
    const fieldId = `${id}-${name}`;
    const error = errors[name];
    const left = limits[name] - values[name].length;
    const describedBy = [error ? `${fieldId}-error` : '', options.hint ? `${fieldId}-hint` : '', options.multiline ? `${fieldId}-count` : ''].filter(Boolean).join(' ');
    const common = {
      id: fieldId,
      name,
      value: values[name],
      'aria-invalid': error !== undefined,
      'aria-describedby': describedBy || undefined,
      'aria-required': REQUIRED.includes(name),
      onChange: (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [name]: event.target.value })),
    };
    return (
      <div className="form-field">
        <label htmlFor={fieldId}>{label(name)}{REQUIRED.includes(name) ? ' *' : ''}</label>
        {options.multiline ? <textarea rows={name === 'quote' ? 2 : 4} ref={options.inputRef} {...common} /> : <input type="text" {...common} />}
        {options.hint && <p className="form-field__hint" id={`${fieldId}-hint`}>{options.hint}</p>}
        {options.multiline && (
          <p className={`form-field__hint${left < 0 ? ' form-field__hint--error' : ''}`} id={`${fieldId}-count`}>
            {t('consultation.charactersLeft', { count: left })}
          </p>
        )}
        {error && <p className="form-field__error" id={`${fieldId}-error`} role="alert">{error}</p>}
      </div>
    );
  };

  return (
    <form className="remark-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('consultation.formTitle')}</h2>
      {field('submitterName')}
      {field('contact', { hint: t('consultation.contactHint') })}
      <div className="form-field">
        <label htmlFor={`${id}-section`}>{t('consultation.section')}</label>
        <select id={`${id}-section`} value={section?.key ?? ''} onChange={(event) => onTargetChange({ sectionKey: event.target.value, blockId: null, quote: '' })}>
          {plan.sections.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>{`${candidate.number} ${candidate.title}`}</option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-block`}>{t('consultation.block')}</label>
        <select
          id={`${id}-block`}
          value={target.blockId ?? ''}
          onChange={(event) => onTargetChange({ sectionKey: section?.key ?? '', blockId: event.target.value === '' ? null : event.target.value, quote: values.quote })}
        >
          <option value="">{t('consultation.wholeSection')}</option>
          {blocks.map((part) => (
            <option key={part.blockId} value={part.blockId ?? ''}>{part.label}</option>
          ))}
        </select>
      </div>
      {(values.quote !== '' || errors.quote) && field('quote', { multiline: true })}
      {field('remark', { multiline: true, inputRef: remarkRef })}
      {field('proposedWording', { multiline: true })}
      {field('justification', { multiline: true })}
      {formError && <div className="notice notice--error" role="alert">{formError}</div>}
      <button type="submit" className="button button--primary" disabled={isSending}>
        {isSending ? t('consultation.submitting') : t('consultation.submit')}
      </button>
    </form>
  );
}
