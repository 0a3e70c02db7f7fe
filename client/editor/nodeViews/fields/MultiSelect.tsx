import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { announceOverlay } from '../blockOverlay.js';

export interface MultiSelectOption {
  value: string;
  label: string;
}

export interface MultiSelectProps {
  legend: string;
  name: string;
  options: readonly MultiSelectOption[];
  checked: ReadonlySet<string>;
  onToggle: (value: string, isChecked: boolean) => void;
  disabled: boolean;
  /** Shown instead of the search box when there is nothing to choose from. */
  emptyText?: string;
}

/**
 * A multi-choice shown as compact chips, with a searchable list to add more
 * (the ARIA combobox + multi-select listbox pattern): type to filter, arrows
 * to move, Enter to toggle, Escape to close, Backspace in the empty box
 * removes the last chip. Replaces dozens of checkboxes per block.
 */
export function MultiSelect({ legend, name, options, checked, onToggle, disabled, emptyText }: MultiSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const chosen = options.filter((option) => checked.has(option.value));
  const matches = useMemo(() => {
    const needle = fold(query);
    return options.filter((option) => needle === '' || fold(option.label).includes(needle));
  }, [options, query]);
  const active = matches[Math.min(activeIndex, matches.length - 1)];
  const isListShown = isOpen && !disabled;
  useLayoutEffect(() => {
    const from = input.current;
    if (!isListShown || from === null) return undefined;
    announceOverlay(from, true);
    return () => announceOverlay(from, false);
  }, [isListShown]);
  const listId = `${id}-list`;
  const optionId = (value: string): string => `${id}-option-${value}`;

  const toggle = (option: MultiSelectOption): void => {
    onToggle(option.value, !checked.has(option.value));
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setIsOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (matches.length === 0 ? 0 : (Math.min(index, matches.length - 1) + step + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (isOpen && active !== undefined) toggle(active);
      else setIsOpen(true);
    } else if (event.key === 'Escape') {
      if (isOpen) event.preventDefault();
      setIsOpen(false);
    } else if (event.key === 'Backspace' && query === '') {
      const last = chosen[chosen.length - 1];
      if (last !== undefined) onToggle(last.value, false);
    }
  };

  return (
    <div className="block-field block-field--wide multi-select" data-field={name} role="group" aria-labelledby={`${id}-legend`}>
      <span className="block-field__label" id={`${id}-legend`}>
        {legend}
      </span>
      <div className="multi-select__control">
        <ul className="multi-select__chips" aria-label={t('blocks.common.chosen', { legend })}>
          {chosen.map((option) => (
            <li key={option.value} className="chip">
              <span>{option.label}</span>
              {!disabled && (
                <button type="button" className="chip__remove" aria-label={t('blocks.common.removeNamed', { name: option.label })} onClick={() => onToggle(option.value, false)}>
                  ×
                </button>
              )}
            </li>
          ))}
          {chosen.length === 0 && disabled && <li className="multi-select__none">{t('blocks.common.noneChosen')}</li>}
        </ul>
        {!disabled &&
          (options.length === 0 && emptyText !== undefined ? (
            <p className="block-field__hint">{emptyText}</p>
          ) : (
            <input
              ref={input}
              type="text"
              className="multi-select__search"
              role="combobox"
              aria-label={t('blocks.common.searchIn', { legend })}
              aria-expanded={isOpen}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={isOpen && active !== undefined ? optionId(active.value) : undefined}
              placeholder={t('blocks.common.addChoice')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActiveIndex(0);
                setIsOpen(true);
              }}
              onFocus={() => setIsOpen(true)}
              onBlur={() => setIsOpen(false)}
              onKeyDown={onKeyDown}
            />
          ))}
      </div>
      {isListShown && (
        <ul className="multi-select__list" id={listId} role="listbox" aria-multiselectable="true" aria-label={legend}>
          {matches.length === 0 && <li className="multi-select__empty">{t('blocks.common.noMatches')}</li>}
          {matches.map((option) => (
            <li
              key={option.value}
              id={optionId(option.value)}
              role="option"
              aria-selected={checked.has(option.value)}
              className={`multi-select__option${option === active ? ' multi-select__option--active' : ''}`}
              // Keeps the focus in the search box, so the list stays open.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => toggle(option)}
            >
              <span className="multi-select__check" aria-hidden="true">
                {checked.has(option.value) ? '✓' : ''}
              </span>
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Case- and diacritics-insensitive form for search ("osoby starsze" finds "Osoby Starsze", "zl" finds "zł"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().trim();
}
