import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { filterInsertItems } from '../insertItems.js';
import { runSlashItem, SLASH_MENU_ID, slashMenuKey, slashOptionId } from './SlashCommand.js';

/** Draws the slash menu under the "/" the user typed; keys are handled by SlashCommand. */
export function SlashMenu({ editor, container }: { editor: Editor; container: HTMLElement | null }) {
  const { t } = useTranslation();
  const menu = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const state = slashMenuKey.getState(current.state);
      if (state === undefined || !state.isActive || container === null) return null;
      const coords = current.view.coordsAtPos(state.from);
      const box = container.getBoundingClientRect();
      return { query: state.query, selectedIndex: state.selectedIndex, top: coords.bottom - box.top + 4, left: coords.left - box.left };
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  if (menu === null) return null;
  const items = filterInsertItems(menu.query);
  return (
    <div className="slash-menu" style={{ top: menu.top, left: menu.left }}>
      <p className="slash-menu__hint" id={`${SLASH_MENU_ID}-hint`}>
        {t('blocks.insert.slashHint')}
      </p>
      {items.length === 0 ? (
        <p className="slash-menu__empty">{t('blocks.insert.slashEmpty')}</p>
      ) : (
        <ul id={SLASH_MENU_ID} role="listbox" aria-label={t('blocks.insert.menuLabel')} aria-describedby={`${SLASH_MENU_ID}-hint`} className="slash-menu__list">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={slashOptionId(index)}
              role="option"
              aria-selected={index === menu.selectedIndex}
              className="slash-menu__item"
              data-item={item.id}
              // Keep the editor focused: the click runs the command on the current selection.
              onMouseDown={(event) => {
                event.preventDefault();
                runSlashItem(editor, index);
              }}
            >
              <span className="slash-menu__label">{t(`blocks.insert.${item.id}`)}</span>
              <span className="slash-menu__description">{t(`blocks.insert.describe.${item.id}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
