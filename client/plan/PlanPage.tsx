import { useTranslation } from 'react-i18next';
import { isValidPlanId } from '../../shared/documentName.js';
import { NameForm } from '../home/NameForm.js';
import { useDisplayName } from '../home/useDisplayName.js';
import { PlanWorkspace } from './PlanWorkspace.js';

/** /plans/<planId>: asks for a name first if none is remembered, then opens the plan. */
export function PlanPage({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useDisplayName();
  if (!isValidPlanId(planId)) {
    return (
      <div className="notice notice--error" role="alert">
        {t('plan.invalidId', { planId })}
      </div>
    );
  }
  if (displayName === '') return <NameForm initialName="" onSubmit={setDisplayName} />;
  return <PlanWorkspace key={`${planId}\n${displayName}`} planId={planId} displayName={displayName} />;
}
