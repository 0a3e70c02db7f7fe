import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { planExtensions } from '../../shared/schema/planExtensions.js';
import { replaceExtensions } from '../../shared/schema/replaceExtensions.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { planNodeViews } from '../editor/nodeViews/planNodeViews.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import { fetchVersion } from './versionApi.js';
import { ModalDialog } from './ModalDialog.js';

export interface VersionViewerProps {
  planId: string;
  versionId: string;
  name: string;
  onClose: () => void;
}

/** A saved version in a dialog, drawn with the editor's own schema and block views, with editing off. */
export function VersionViewer({ planId, versionId, name, onClose }: VersionViewerProps) {
  const { t } = useTranslation();
  const { state } = useApiQuery(() => fetchVersion(planId, versionId), [planId, versionId]);
  return (
    <ModalDialog title={t('versions.viewerTitle', { name })} onClose={onClose} isWide>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="notice notice--error" role="alert">
          {apiErrorMessage(state.error, t)}
        </div>
      )}
      {state.status === 'ready' && <ReadOnlyPlan content={state.data.content} />}
    </ModalDialog>
  );
}

function ReadOnlyPlan({ content }: { content: ProseMirrorNodeJson }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: replaceExtensions(planExtensions, planNodeViews),
      content,
      editable: false,
      editorProps: {
        attributes: { class: 'version-viewer__content', 'aria-readonly': 'true', 'aria-label': t('versions.panelTitle') },
      },
    },
    [content],
  );
  return (
    <div className="plan-editor version-viewer">
      <EditorContent editor={editor} />
    </div>
  );
}
