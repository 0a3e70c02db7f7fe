import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EstimatedCost, FundingShare } from '../../../../shared/domain/Plan.js';
import { FUNDING_SOURCES } from '../../../../shared/domain/taxonomy.js';
import { toMinorUnits } from '../../../../shared/planViews/toMinorUnits.js';
import { formatAmount } from '../../../planViews/formatAmount.js';
import { CodeSelect } from './CodeSelect.js';
import { DraftNumberInput } from './DraftNumberInput.js';
import { DraftTextInput } from './DraftTextInput.js';

export interface FundingFieldProps {
  cost: EstimatedCost;
  onCostChange: (cost: EstimatedCost) => void;
  shares: readonly FundingShare[];
  onSharesChange: (shares: FundingShare[]) => void;
  disabled: boolean;
  error: string | null;
}

/** Estimated cost and the funding sources that must add up to it, with the running sum. */
export function FundingField({ cost, onCostChange, shares, onSharesChange, disabled, error }: FundingFieldProps) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const sum = shares.reduce((total, share) => total + toMinorUnits(share.amount), 0) / 100;
  const isBalanced = toMinorUnits(sum) === toMinorUnits(cost.amount);
  const unused = FUNDING_SOURCES.find((code) => !shares.some((share) => share.code === code)) ?? 'OTHER';
  return (
    <fieldset className="block-field block-field--wide funding" data-field="funding">
      <legend className="block-field__label">{t('blocks.direction.financing')}</legend>
      <div className="funding__cost">
        <label>
          <span className="block-field__label">{t('blocks.direction.estimatedCost')}</span>
          <DraftNumberInput id={`${baseId}-amount`} value={cost.amount} min={0} disabled={disabled} onChange={(amount) => onCostChange({ ...cost, amount: amount ?? 0 })} />
        </label>
        <label className="funding__currency">
          <span className="block-field__label">{t('blocks.direction.currency')}</span>
          <DraftTextInput
            id={`${baseId}-currency`}
            value={cost.currency}
            disabled={disabled}
            onChange={(currency) => {
              if (/^[A-Z]{3}$/.test(currency)) onCostChange({ ...cost, currency });
            }}
          />
        </label>
        <label className="funding__note">
          <span className="block-field__label">{t('blocks.direction.costNote')}</span>
          <DraftTextInput id={`${baseId}-note`} value={cost.note} disabled={disabled} onChange={(note) => onCostChange({ ...cost, note })} />
        </label>
      </div>
      <table className="funding__table">
        <caption className="visually-hidden">{t('blocks.direction.fundingSources')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('blocks.direction.fundingSource')}</th>
            <th scope="col">{t('blocks.direction.fundingAmount')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('blocks.common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share, index) => (
            <tr key={index} data-funding-row={index}>
              <td>
                <CodeSelect
                  id={`${baseId}-source-${index}`}
                  list="fundingSources"
                  value={share.code}
                  disabled={disabled}
                  ariaLabel={t('blocks.direction.fundingSourceNumber', { number: String(index + 1) })}
                  onChange={(code) => {
                    if (code !== null) onSharesChange(shares.map((current, position) => (position === index ? { ...current, code } : current)));
                  }}
                />
              </td>
              <td>
                <DraftNumberInput
                  id={`${baseId}-share-${index}`}
                  value={share.amount}
                  min={0}
                  disabled={disabled}
                  ariaLabel={t('blocks.direction.fundingAmountNumber', { number: String(index + 1) })}
                  onChange={(amount) => onSharesChange(shares.map((current, position) => (position === index ? { ...current, amount: amount ?? 0 } : current)))}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={disabled}
                  aria-label={t('blocks.common.removeNamed', { name: t('blocks.direction.fundingSourceNumber', { number: String(index + 1) }) })}
                  onClick={() => onSharesChange(shares.filter((_, position) => position !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('blocks.direction.fundingSum')}</th>
            <td className={isBalanced ? 'funding__sum' : 'funding__sum funding__sum--mismatch'} data-sum={sum}>
              {formatAmount(sum, cost.currency, i18n.language)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {error && <p className="block-field__error">{error}</p>}
      <button type="button" className="button button--small" disabled={disabled} onClick={() => onSharesChange([...shares, { code: unused, amount: 0 }])}>
        + {t('blocks.direction.addFunding')}
      </button>
    </fieldset>
  );
}
