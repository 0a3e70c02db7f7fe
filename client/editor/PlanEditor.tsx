import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { EditorToolbar } from './EditorToolbar.js';

export interface PlanEditorProps {
  connection: PlanConnection;
  userName: string;
  isEditable: boolean;
}

// Only our own label uses it locally; others see the colour the server stamps on our awareness state.
const LOCAL_CARET_COLOR = '#1d4ed8';

/** The plan's rich text, bound to the Y.Doc; mount it only after the first sync. */
export function PlanEditor({ connection, userName, isEditable }: PlanEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own Yjs-aware undo history.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: connection.doc, field: CONTENT_FIELD }),
        CollaborationCaret.configure({ provider: connection.provider, user: { name: userName, color: LOCAL_CARET_COLOR } }),
      ],
      editable: isEditable,
    },
    [connection, userName],
  );

  useEffect(() => {
    if (editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  // Labels follow the language switch without recreating the editor.
  useEffect(() => {
    editor.setOptions({
      editorProps: {
        attributes: {
          class: 'plan-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.label'),
          'aria-readonly': String(!isEditable),
        },
      },
    });
  }, [editor, t, isEditable]);

  return (
    <div className="plan-editor">
      <EditorToolbar editor={editor} isEditable={isEditable} />
      <EditorContent editor={editor} />
    </div>
  );
}
