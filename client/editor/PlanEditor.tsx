import { useEffect, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { planExtensions } from '../../shared/schema/planExtensions.js';
import { replaceExtensions } from '../../shared/schema/replaceExtensions.js';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { CommentButton } from '../comments/CommentButton.js';
import { CommentHighlight } from '../comments/CommentHighlight.js';
import type { CommentStore } from '../comments/CommentStore.js';
import { BlockFieldKeymap } from './BlockFieldKeymap.js';
import { EditorToolbar } from './EditorToolbar.js';
import { planNodeViews } from './nodeViews/planNodeViews.js';
import { SlashCommand } from './slashMenu/SlashCommand.js';
import { SlashMenu } from './slashMenu/SlashMenu.js';
import { CaretBlockRendered } from './CaretBlockRendered.js';
import { RemoteChangeNoScroll } from './RemoteChangeNoScroll.js';
import { UndoByWord } from './UndoByWord.js';
import { SuggestionMode } from './suggestions/SuggestionMode.js';

export interface PlanEditorProps {
  connection: PlanConnection;
  userName: string;
  /** Our account id: the author of the suggestions we make. */
  userId?: string;
  isEditable: boolean;
  /** The server lets us only suggest: the editor is editable but always suggesting. */
  isSuggestOnly?: boolean;
  /** Called with the editor once it exists (and null when it goes), for the outline and plan views. */
  onEditor?: (editor: Editor | null) => void;
  /** Comment threads: highlighted in the text, started from the selection. */
  commentStore?: CommentStore | null;
}

// Only our own label uses it locally; others see the colour the server stamps on our awareness state.
const LOCAL_CARET_COLOR = '#1d4ed8';

/**
 * The plan document bound to the Y.Doc: the shared schema (sections and typed
 * blocks) with React node views, carets and the slash menu. Mount it only after
 * the first sync. Node views read BlockViewContext and ProposalContext, which
 * the caller provides around it.
 */
export function PlanEditor({ connection, userName, userId = '', isEditable, isSuggestOnly = false, onEditor, commentStore = null }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const editor = useEditor(
    {
      extensions: [
        ...replaceExtensions(planExtensions, planNodeViews),
        Collaboration.configure({ document: connection.doc, field: CONTENT_FIELD }),
        CollaborationCaret.configure({ provider: connection.provider, user: { name: userName, color: LOCAL_CARET_COLOR } }),
        SlashCommand,
        BlockFieldKeymap,
        UndoByWord,
        RemoteChangeNoScroll,
        CaretBlockRendered,
        SuggestionMode.configure({ author: { id: userId, name: userName, color: connection.userColor }, currentColor: () => connection.userColor, isSuggestOnly }),
        ...(commentStore === null ? [] : [CommentHighlight.configure({ store: commentStore })]),
      ],
      editable: isEditable,
    },
    // The hand-written field views take their labels from i18next when created.
    [connection, userName, userId, isSuggestOnly, commentStore, i18n.language],
  );

  useEffect(() => {
    if (editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

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
          'aria-describedby': 'plan-editor-slash-hint',
        },
      },
    });
  }, [editor, t, isEditable]);

  return (
    <div className="plan-editor" ref={setContainer}>
      <EditorToolbar editor={editor} isEditable={isEditable} isSuggestOnly={isSuggestOnly} />
      {commentStore !== null && <CommentButton editor={editor} store={commentStore} />}
      <p id="plan-editor-slash-hint" className="visually-hidden">
        {t('blocks.insert.editorHint')}
      </p>
      <EditorContent editor={editor} />
      {isEditable && <SlashMenu editor={editor} container={container} />}
    </div>
  );
}
