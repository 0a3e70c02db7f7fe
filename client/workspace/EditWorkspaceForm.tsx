import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../shared/workspace/Workspace.js';
import { updateWorkspace } from '../api/workspaceApi.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { SuggestOnlySetting } from './SuggestOnlySetting.js';

/** For the chair: the team's name and description (for example the resolution that appointed it). */
export function EditWorkspaceForm({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description);
  const [nameError, setNameError] = useState<string | null>(null);

  const { formError, isPending, onSubmit } = useFormSubmit({
    validate: () => {
      setNameError(name.trim() === '' ? t('workspace.nameRequired') : null);
      return name.trim() !== '';
    },
    send: async () => {
      await updateWorkspace(workspace.id, { name: name.trim(), description });
      onSaved();
    },
  });

  return (
    <details className="subcard">
      <summary>{t('workspace.editHeading')}</summary>
      <form onSubmit={onSubmit} noValidate>
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
      <SuggestOnlySetting workspace={workspace} onSaved={onSaved} />
    </details>
  );
}
