import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectionIndicator } from '../../../../shared/domain/Plan.js';
import { DraftTextInput } from './DraftTextInput.js';
import { MeasuredValueFields } from './MeasuredValueFields.js';

export interface DirectionIndicatorsFieldProps {
  value: readonly DirectionIndicator[];
  onChange: (value: DirectionIndicator[]) => void;
  disabled: boolean;
  error: string | null;
}

const EMPTY_INDICATOR: DirectionIndicator = {
  name: '',
  unit: '',
  baseline: { value: null, year: null },
  target: { value: null, year: null },
  source: '',
};

/** The indicators listed inside a direction: name, unit, baseline and target with years, source. */
export function DirectionIndicatorsField({ value, onChange, disabled, error }: DirectionIndicatorsFieldProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const change = (index: number, patch: Partial<DirectionIndicator>): void =>
    onChange(value.map((current, position) => (position === index ? { ...current, ...patch } : current)));
  return (
    <fieldset className="block-field block-field--wide block-list" data-field="indicators">
      <legend className="block-field__label">{t('blocks.direction.indicators')}</legend>
      {value.map((indicator, index) => {
        const rowId = `${baseId}-${index}`;
        const name = indicator.name || t('blocks.direction.indicatorNumber', { number: String(index + 1) });
        return (
          <div key={index} className="indicator-row" role="group" aria-label={name}>
            <div className="indicator-row__line">
              <label className="indicator-row__grow">
                <span className="block-field__label">{t('blocks.indicator.name')}</span>
                <DraftTextInput id={`${rowId}-name`} value={indicator.name} disabled={disabled} onChange={(text) => change(index, { name: text })} />
              </label>
              <label>
                <span className="block-field__label">{t('blocks.indicator.unit')}</span>
                <DraftTextInput id={`${rowId}-unit`} value={indicator.unit} disabled={disabled} onChange={(text) => change(index, { unit: text })} />
              </label>
            </div>
            <div className="indicator-row__line">
              <MeasuredValueFields id={`${rowId}-baseline`} label={t('blocks.indicator.baseline')} value={indicator.baseline} disabled={disabled} onChange={(baseline) => change(index, { baseline })} />
              <MeasuredValueFields id={`${rowId}-target`} label={t('blocks.indicator.target')} value={indicator.target} disabled={disabled} onChange={(target) => change(index, { target })} />
              <label className="indicator-row__grow">
                <span className="block-field__label">{t('blocks.indicator.source')}</span>
                <DraftTextInput id={`${rowId}-source`} value={indicator.source} disabled={disabled} onChange={(text) => change(index, { source: text })} />
              </label>
              <button
                type="button"
                className="button button--small button--danger indicator-row__remove"
                disabled={disabled}
                aria-label={t('blocks.common.removeNamed', { name })}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                ×
              </button>
            </div>
          </div>
        );
      })}
      {error && <p className="block-field__error">{error}</p>}
      <button type="button" className="button button--small" disabled={disabled} onClick={() => onChange([...value, structuredClone(EMPTY_INDICATOR)])}>
        + {t('blocks.direction.addIndicator')}
      </button>
    </fieldset>
  );
}
