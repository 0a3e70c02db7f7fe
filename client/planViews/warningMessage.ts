import type { TFunction } from 'i18next';
import type { PlanWarning } from '../../shared/planViews/collectPlanWarnings.js';
import { formatAmount } from './formatAmount.js';

/** A plan warning in the UI language, with its parameters filled in. */
export function warningMessage(warning: PlanWarning, t: TFunction, language: string): string {
  const params = warning.params;
  switch (warning.code) {
    case 'fundingMismatch':
      return t('blocks.warnings.fundingMismatch', {
        funding: formatAmount(Number(params['funding'] ?? 0), 'PLN', language),
        cost: formatAmount(Number(params['cost'] ?? 0), 'PLN', language),
      });
    case 'timeframeInvalid':
      return t('blocks.warnings.timeframeInvalid', { start: String(params['start'] || '?'), end: String(params['end'] || '?') });
    case 'duplicateId':
      return t('blocks.warnings.duplicateId', { id: String(params['id'] ?? '') });
    case 'goalRefUnresolved':
    case 'parentUnresolved':
    case 'directionRefUnresolved':
    case 'proposerUnknown':
      return t(`blocks.warnings.${warning.code}`, { ref: String(params['ref'] ?? '') });
    case 'idMissing':
    case 'goalRefMissing':
    case 'directionWithoutIndicator':
      return t(`blocks.warnings.${warning.code}`);
  }
}
