import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../shared/workspace/Workspace.js';
import { updateWorkspace } from '../api/workspaceApi.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

/** For the chair: whether experts and observers only suggest changes (saved as soon as it is switched). */
export function SuggestOnlySetting({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const { t } = useTranslation();
  const [isOn, setIsOn] = useState(workspace.advisorsSuggestOnly);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [isPending, setIsPending] = useState(false);
  useEffect(() => setIsOn(workspace.advisorsSuggestOnly), [workspace.advisorsSuggestOnly]);

  const change = async (next: boolean): Promise<void> => {
    setIsOn(next);
    setIsPending(true);
    setStatus(null);
    try {
      await updateWorkspace(workspace.id, { advisorsSuggestOnly: next });
      setStatus({ kind: 'saved', text: t('suggestions.settingSaved') });
      onSaved();
    } catch (error) {
      setIsOn(!next);
      setStatus({ kind: 'error', text: apiErrorMessage(error, t) });
    } finally {
      setIsPending(false);
    }
  };

  return (
    <div className="field field--checkbox">
      <label>
        <input type="checkbox" name="advisorsSuggestOnly" checked={isOn} disabled={isPending} onChange={(event) => void change(event.target.checked)} aria-describedby="advisors-suggest-only-hint" />
        {t('suggestions.settingLabel')}
      </label>
      <p id="advisors-suggest-only-hint" className="field__hint">
        {t('suggestions.settingHint')}
      </p>
      {status !== null && (
        <p className={status.kind === 'error' ? 'field__error' : 'field__hint'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
