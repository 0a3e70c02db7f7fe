import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { INSERT_ITEMS } from './insertItems.js';

const BLOCK_ITEMS = INSERT_ITEMS.filter((item) => item.isBlock);

/** The toolbar's "Wstaw" menu button (menu-button pattern: arrows move, Escape closes and returns focus). */
export function InsertBlockMenu({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (isOpen) itemRefs.current[0]?.focus();
  }, [isOpen]);

  const close = (): void => {
    setIsOpen(false);
    buttonRef.current?.focus();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = itemRefs.current.findIndex((item) => item === document.activeElement);
    const move = (delta: number): void => {
      event.preventDefault();
      itemRefs.current[(index + delta + BLOCK_ITEMS.length) % BLOCK_ITEMS.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setIsOpen(false);
  };

  return (
    <div className="insert-menu">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__button insert-menu__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        disabled={disabled}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setIsOpen(!isOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setIsOpen(true);
          }
        }}
      >
        {t('blocks.insert.menu')} ▾
      </button>
      {isOpen && (
        <div className="insert-menu__list" role="menu" aria-label={t('blocks.insert.menuLabel')} onKeyDown={onMenuKeyDown}>
          {BLOCK_ITEMS.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="insert-menu__item"
              data-item={item.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setIsOpen(false);
                item.run(editor);
              }}
            >
              {t(`blocks.insert.${item.id}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
