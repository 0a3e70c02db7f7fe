import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DISPLAY_NAME_LENGTH } from './useDisplayName.js';

export interface NameFormProps {
  initialName: string;
  onSubmit: (name: string) => void;
}

export function NameForm({ initialName, onSubmit }: NameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [hasError, setHasError] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') {
      setHasError(true);
      return;
    }
    onSubmit(name);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('home.nameHeading')}</h2>
      <p id={hintId} className="hint">
        {t('home.nameHint')}
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t('home.nameLabel')}</label>
        <div className="field__row">
          <input
            id={inputId}
            name="displayName"
            type="text"
            autoComplete="name"
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            value={name}
            aria-describedby={hasError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={hasError || undefined}
            onChange={(event) => {
              setName(event.target.value);
              setHasError(false);
            }}
          />
          <button type="submit" className="button button--primary">
            {t('home.saveName')}
          </button>
        </div>
        {hasError && (
          <p id={errorId} className="field__error" role="alert">
            {t('home.nameRequired')}
          </p>
        )}
      </div>
    </form>
  );
}
