import type { ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { PLAN_HEADING_LEVELS } from '../../shared/schema/planExtensions.js';
import { InsertBlockMenu } from './InsertBlockMenu.js';
import { useIdleEditorState } from './useIdleEditorState.js';

export interface EditorToolbarProps {
  editor: Editor;
  isEditable: boolean;
  /** Suggesting is all we may do: the toggle shows it, pressed and disabled. */
  isSuggestOnly?: boolean;
}

type HeadingLevel = (typeof PLAN_HEADING_LEVELS)[number];
// The section title is the chapter heading, so the text inside a section starts at level 2.
const HEADING_LEVELS: readonly HeadingLevel[] = PLAN_HEADING_LEVELS;

interface ToolbarState {
  isParagraph: boolean;
  headingLevel: HeadingLevel | null;
  isBold: boolean;
  isItalic: boolean;
  isBulletList: boolean;
  isOrderedList: boolean;
  canUndo: boolean;
  canRedo: boolean;
  isSuggesting: boolean;
  canBold: boolean;
  canItalic: boolean;
}

function readToolbarState(current: Editor): ToolbarState {
  return {
    // A list item holds paragraphs too; there the list button is the one that shows as pressed.
    isParagraph: current.isActive('paragraph') && !current.isActive('bulletList') && !current.isActive('orderedList'),
    headingLevel: HEADING_LEVELS.find((level) => current.isActive('heading', { level })) ?? null,
    isBold: current.isActive('bold'),
    isItalic: current.isActive('italic'),
    isBulletList: current.isActive('bulletList'),
    isOrderedList: current.isActive('orderedList'),
    canUndo: current.can().undo(),
    canRedo: current.can().redo(),
    isSuggesting: current.storage.suggestionMode?.isSuggesting ?? false,
    // While suggesting, bold and italic over a selection become a formatting suggestion.
    canBold: !current.state.selection.empty && current.can().toggleBold(),
    canItalic: !current.state.selection.empty && current.can().toggleItalic(),
  };
}

function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);
}

/** Formatting buttons; each mirrors a keyboard shortcut the editor already has. */
export function EditorToolbar({ editor, isEditable, isSuggestOnly = false }: EditorToolbarProps) {
  const { t } = useTranslation();
  const state = useIdleEditorState(editor, readToolbarState, sameToolbarState);
  const chain = () => editor.chain().focus();
  // Structure and other formatting are not suggestions: while suggesting only text, bold and italic change.
  const canFormat = isEditable && !state.isSuggesting;
  const canBold = canFormat || (isEditable && state.isSuggesting && state.canBold);
  const canItalic = canFormat || (isEditable && state.isSuggesting && state.canItalic);

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="toolbar__group">
        <button
          type="button"
          className="toolbar__button toolbar__button--mode"
          data-testid="suggesting-toggle"
          aria-pressed={state.isSuggesting}
          aria-keyshortcuts="Control+Alt+Shift+X"
          title={isSuggestOnly ? t('suggestions.suggestOnlyHint') : `${t('suggestions.toggleHint')} (Ctrl+Alt+Shift+X)`}
          disabled={!isEditable || isSuggestOnly}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => chain().toggleSuggesting().run()}
        >
          {state.isSuggesting ? t('suggestions.modeSuggesting') : t('suggestions.modeEditing')}
        </button>
      </div>
      <div className="toolbar__group">
        <InsertBlockMenu editor={editor} disabled={!canFormat} />
      </div>
      <div className="toolbar__group">
        <ToolbarButton label={t('editor.paragraph')} shortcut="Mod-Alt-0" isActive={state.isParagraph} disabled={!canFormat} onClick={() => chain().setParagraph().run()}>
          ¶
        </ToolbarButton>
        {HEADING_LEVELS.map((level) => (
          <ToolbarButton
            key={level}
            label={t(`editor.heading${level}`)}
            shortcut={`Mod-Alt-${level}`}
            isActive={state.headingLevel === level}
            disabled={!canFormat}
            onClick={() => chain().toggleHeading({ level }).run()}
          >
            H{level}
          </ToolbarButton>
        ))}
      </div>
      <div className="toolbar__group">
        <ToolbarButton label={t('editor.bold')} shortcut="Mod-B" isActive={state.isBold} disabled={!canBold} onClick={() => chain().toggleBold().run()}>
          <strong>B</strong>
        </ToolbarButton>
        <ToolbarButton label={t('editor.italic')} shortcut="Mod-I" isActive={state.isItalic} disabled={!canItalic} onClick={() => chain().toggleItalic().run()}>
          <em>I</em>
        </ToolbarButton>
      </div>
      <div className="toolbar__group">
        <ToolbarButton label={t('editor.bulletList')} shortcut="Mod-Shift-8" isActive={state.isBulletList} disabled={!canFormat} onClick={() => chain().toggleBulletList().run()}>
          •≡
        </ToolbarButton>
        <ToolbarButton label={t('editor.orderedList')} shortcut="Mod-Shift-7" isActive={state.isOrderedList} disabled={!canFormat} onClick={() => chain().toggleOrderedList().run()}>
          1.≡
        </ToolbarButton>
      </div>
      <div className="toolbar__group">
        <ToolbarButton label={t('editor.undo')} shortcut="Mod-Z" disabled={!isEditable || !state.canUndo} onClick={() => chain().undo().run()}>
          ↶
        </ToolbarButton>
        <ToolbarButton label={t('editor.redo')} shortcut="Mod-Shift-Z" disabled={!isEditable || !state.canRedo} onClick={() => chain().redo().run()}>
          ↷
        </ToolbarButton>
      </div>
    </div>
  );
}

interface ToolbarButtonProps {
  label: string;
  shortcut: string;
  isActive?: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}

function ToolbarButton({ label, shortcut, isActive, disabled, onClick, children }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      title={`${label} (${shortcut.replace('Mod', navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl')})`}
      aria-pressed={isActive}
      aria-keyshortcuts={shortcut.replace('Mod', 'Control')}
      disabled={disabled}
      // Keep the editor selection: a mousedown on the button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
