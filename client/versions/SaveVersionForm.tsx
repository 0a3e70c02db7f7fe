import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { createVersion } from './versionApi.js';
import { versionErrorMessage } from './versionErrorMessage.js';

/** "Zapisz wersję": a name and an optional note for a snapshot of the draft as it is now. */
export function SaveVersionForm({ planId, onSaved }: { planId: string; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const submit = async (): Promise<void> => {
    if (name.trim() === '') {
      setNameError(t('versions.nameRequired'));
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      const version = await createVersion(planId, { name: name.trim(), note });
      setName('');
      setNote('');
      onSaved(version.name);
    } catch (caught) {
      setError(versionErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <form
      className="save-version"
      aria-label={t('versions.saveHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{t('versions.saveHeading')}</h3>
      <TextField
        label={t('versions.name')}
        hint={t('versions.nameHint')}
        value={name}
        maxLength={200}
        onChange={(value) => {
          setName(value);
          setNameError(null);
        }}
        error={nameError}
      />
      <TextField label={t('versions.note')} value={note} onChange={setNote} multiline maxLength={2000} />
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? t('versions.saving') : t('versions.save')}
        </button>
      </div>
    </form>
  );
}
