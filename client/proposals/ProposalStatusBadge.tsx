import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../shared/deliberation/ProposalState.js';

/** The recorded status of a proposal as a coloured label (the colour is never the only cue: the text says it). */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {t(`blocks.proposals.status.${status}`)}
    </span>
  );
}
