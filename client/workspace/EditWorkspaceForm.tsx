import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { Workspace } from '../../shared/workspace/Workspace.js';
import { updateWorkspace } from '../api/workspaceApi.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';

/** For the chair: the team's name and description (for example the resolution that appointed it). */
export function EditWorkspaceForm({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    setNameError(name.trim() === '' ? t('workspace.nameRequired') : null);
    if (name.trim() === '') return;
    setIsPending(true);
    try {
      await updateWorkspace(workspace.id, { name: name.trim(), description });
      onSaved();
    } catch (error) {
      setFormError(apiErrorMessage(error, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <details className="subcard">
      <summary>{t('workspace.editHeading')}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={formError} />
        <TextField label={t('workspace.nameLabel')} name="workspaceName" value={name} onChange={setName} error={nameError} maxLength={200} />
        <TextField
          label={t('workspace.descriptionLabel')}
          name="workspaceDescription"
          value={description}
          onChange={setDescription}
          multiline
          maxLength={5000}
        />
        <button type="submit" className="button button--primary" disabled={isPending}>
          {t('workspace.save')}
        </button>
      </form>
    </details>
  );
}
