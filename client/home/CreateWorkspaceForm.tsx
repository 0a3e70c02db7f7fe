import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkspace } from '../api/workspaceApi.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { navigate } from '../routing/navigate.js';
import { workspacePath } from '../routing/parseRoute.js';

/** Starts a team; its creator becomes the chair and lands on the team's page. */
export function CreateWorkspaceForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  const { formError, isPending, onSubmit } = useFormSubmit({
    validate: () => {
      setNameError(name.trim() === '' ? t('home.workspaceNameRequired') : null);
      return name.trim() !== '';
    },
    send: async () => {
      const workspace = await createWorkspace({ name: name.trim(), description: description.trim() || undefined });
      navigate(workspacePath(workspace.id));
    },
    staysPendingOnSuccess: true,
  });

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="create-workspace-heading">
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
