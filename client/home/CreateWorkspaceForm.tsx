import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { createWorkspace } from '../api/workspaceApi.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { navigate } from '../routing/navigate.js';
import { workspacePath } from '../routing/parseRoute.js';

/** Starts a team; its creator becomes the chair and lands on the team's page. */
export function CreateWorkspaceForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    if (name.trim() === '') {
      setNameError(t('home.workspaceNameRequired'));
      return;
    }
    setNameError(null);
    setIsPending(true);
    try {
      const workspace = await createWorkspace({ name: name.trim(), description: description.trim() || undefined });
      navigate(workspacePath(workspace.id));
    } catch (error) {
      setFormError(apiErrorMessage(error, t));
      setIsPending(false);
    }
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-workspace-heading">
      <h2 id="create-workspace-heading">{t('home.createWorkspaceHeading')}</h2>
      <p className="hint">{t('home.createWorkspaceHint')}</p>
      <FormError message={formError} />
      <TextField label={t('home.workspaceName')} name="workspaceName" value={name} onChange={setName} error={nameError} maxLength={200} />
      <TextField
        label={t('home.workspaceDescription')}
        hint={t('home.workspaceDescriptionHint')}
        name="workspaceDescription"
        value={description}
        onChange={setDescription}
        maxLength={5000}
        multiline
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? t('common.saving') : t('home.createWorkspace')}
        </button>
      </div>
    </form>
  );
}
