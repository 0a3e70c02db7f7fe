import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidPlanId } from '../../shared/documentName.js';
import { navigate } from '../routing/navigate.js';
import { planPath } from '../routing/parseRoute.js';
import { createPlanId } from './createPlanId.js';
import { NameForm } from './NameForm.js';
import { useDisplayName } from './useDisplayName.js';

export function HomePage() {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useDisplayName();
  const [isEditingName, setIsEditingName] = useState(false);
  const [planId, setPlanId] = useState('');
  const [hasIdError, setHasIdError] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  if (displayName === '' || isEditingName) {
    return (
      <NameForm
        initialName={displayName}
        onSubmit={(name) => {
          setDisplayName(name);
          setIsEditingName(false);
        }}
      />
    );
  }

  const openPlan = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = planId.trim();
    if (!isValidPlanId(trimmed)) {
      setHasIdError(true);
      return;
    }
    navigate(planPath(trimmed));
  };

  return (
    <div className="home">
      <section className="card" aria-labelledby="home-plan-heading">
        <h2 id="home-plan-heading">{t('home.planHeading')}</h2>
        <p className="home__who">
          {t('app.signedInAs', { name: displayName })}{' '}
          <button type="button" className="button button--link" onClick={() => setIsEditingName(true)}>
            {t('app.changeName')}
          </button>
        </p>
        <button type="button" className="button button--primary" onClick={() => navigate(planPath(createPlanId()))}>
          {t('home.createPlan')}
        </button>
      </section>
      <form className="card" onSubmit={openPlan} noValidate aria-labelledby="home-open-heading">
        <h2 id="home-open-heading">{t('home.openHeading')}</h2>
        <div className="field">
          <label htmlFor={inputId}>{t('home.planIdLabel')}</label>
          <p id={hintId} className="hint">
            {t('home.planIdHint')}
          </p>
          <div className="field__row">
            <input
              id={inputId}
              name="planId"
              type="text"
              spellCheck={false}
              autoCapitalize="off"
              maxLength={64}
              value={planId}
              aria-describedby={hasIdError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={hasIdError || undefined}
              onChange={(event) => {
                setPlanId(event.target.value);
                setHasIdError(false);
              }}
            />
            <button type="submit" className="button">
              {t('home.openPlan')}
            </button>
          </div>
          {hasIdError && (
            <p id={errorId} className="field__error" role="alert">
              {t('home.planIdInvalid')}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
