import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionCandidate } from './MentionCandidate.js';

export interface MentionTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly MentionCandidate[];
  error?: string | null;
  autoFocus?: boolean;
  /** Ctrl+Enter sends. */
  onSubmit: () => void;
}

const MENTION_QUERY = /(^|\s)@([^\s@]{0,40})$/;
const MAX_SUGGESTIONS = 6;

/**
 * A comment textarea where typing `@` and the start of a name offers the team's
 * members (arrows and Enter, or a click); the chosen name is written as `@Name`.
 */
export function MentionTextarea({ label, value, onChange, members, error, autoFocus, onSubmit }: MentionTextareaProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const listId = useId();
  const errorId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [isDismissed, setIsDismissed] = useState(false);

  const query = MENTION_QUERY.exec(value.slice(0, caret));
  const needle = query?.[2]?.toLocaleLowerCase() ?? '';
  const suggestions =
    query === null || isDismissed
      ? []
      : members.filter((member) => member.name.toLocaleLowerCase().split(/\s+/).some((part) => part.startsWith(needle)) || member.name.toLocaleLowerCase().startsWith(needle)).slice(0, MAX_SUGGESTIONS);
  const isOpen = suggestions.length > 0;

  const pick = (member: MentionCandidate): void => {
    const before = value.slice(0, caret).replace(/@[^\s@]*$/, `@${member.name} `);
    const next = before + value.slice(caret);
    onChange(next);
    setCaret(before.length);
    setActiveIndex(0);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(before.length, before.length);
    });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (!isOpen) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const member = suggestions[Math.min(activeIndex, suggestions.length - 1)];
      if (member === undefined) return;
      event.preventDefault();
      pick(member);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setIsDismissed(true);
    }
  };

  const activeMember = isOpen ? suggestions[Math.min(activeIndex, suggestions.length - 1)] : undefined;
  return (
    <div className="field mention-field">
      <label htmlFor={inputId}>{label}</label>
      <textarea
        ref={textareaRef}
        id={inputId}
        value={value}
        rows={3}
        maxLength={10_000}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeMember === undefined ? undefined : `${listId}-${activeMember.userId}`}
        aria-describedby={[hintId, error ? errorId : null].filter((entry) => entry !== null).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setIsDismissed(false);
          setActiveIndex(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={handleKeyDown}
      />
      <p id={hintId} className="hint">
        {t('comments.mentionHint')}
      </p>
      <ul id={listId} role="listbox" aria-label={t('comments.mentionSuggestions')} className="mention-list" hidden={!isOpen}>
        {suggestions.map((member, index) => (
          <li
            key={member.userId}
            id={`${listId}-${member.userId}`}
            role="option"
            aria-selected={index === activeIndex}
            className="mention-list__option"
            // Keep the textarea focused and its caret where it is.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(member)}
          >
            {member.name}
          </li>
        ))}
      </ul>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
