import { useMemo } from 'react';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from './collectSuggestions.js';
import { useSuggestions } from './useSuggestions.js';
import './suggestions.css';

export interface SuggestionsPanelProps {
  editor: Editor | null;
  userId: string;
  /** We may edit the plan: we accept and reject anyone's suggestions. */
  canResolve: boolean;
}

/** One card per suggestion, grouped by author, with accept / reject (or withdraw for our own). */
export function SuggestionsPanel({ editor, userId, canResolve }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(editor);
  const byAuthor = useMemo(() => {
    const groups = new Map<string, Suggestion[]>();
    for (const suggestion of suggestions) groups.set(suggestion.authorId, [...(groups.get(suggestion.authorId) ?? []), suggestion]);
    return [...groups.values()];
  }, [suggestions]);

  if (editor === null) return null;
  const resolve = (options: { ids?: string[]; authorId?: string; isAccepting: boolean }): void => {
    editor.chain().focus().resolveSuggestions(options).run();
  };

  return (
    <section className="suggestions-panel" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="visually-hidden">
        {t('suggestions.panelHeading')}
      </h2>
      {suggestions.length === 0 && <p className="suggestions-panel__empty">{t('suggestions.empty')}</p>}
      {byAuthor.map((group) => {
        const first = group[0];
        if (first === undefined) return null;
        return (
          <section key={first.authorId} className="suggestions-panel__author" data-author-id={first.authorId}>
            <h3 className="suggestions-panel__author-name">
              <span className="suggestion-dot" style={{ background: first.authorColor }} aria-hidden="true" />
              {t('suggestions.byAuthor', { name: first.authorName, count: group.length })}
            </h3>
            {canResolve && group.length > 1 && (
              <div className="suggestions-panel__bulk">
                <button type="button" aria-label={t('suggestions.acceptAllByLabel', { name: first.authorName })} onClick={() => resolve({ authorId: first.authorId, isAccepting: true })}>
                  {t('suggestions.acceptAllBy')}
                </button>
                <button type="button" aria-label={t('suggestions.rejectAllByLabel', { name: first.authorName })} onClick={() => resolve({ authorId: first.authorId, isAccepting: false })}>
                  {t('suggestions.rejectAllBy')}
                </button>
              </div>
            )}
            <ul className="suggestions-panel__list">
              {group.map((suggestion) => (
                <SuggestionCard
                  key={suggestion.id}
                  suggestion={suggestion}
                  isOwn={suggestion.authorId === userId}
                  canResolve={canResolve}
                  onResolve={(isAccepting) => resolve({ ids: [suggestion.id], authorId: suggestion.authorId, isAccepting })}
                  onShow={() => showInText(editor, suggestion)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function SuggestionCard({
  suggestion,
  isOwn,
  canResolve,
  onResolve,
  onShow,
}: {
  suggestion: Suggestion;
  isOwn: boolean;
  canResolve: boolean;
  onResolve: (isAccepting: boolean) => void;
  onShow: () => void;
}) {
  const { t, i18n } = useTranslation();
  const kind = suggestion.insertedText !== '' && suggestion.deletedText !== '' ? 'replacement' : suggestion.insertedText !== '' ? 'insertion' : 'deletion';
  const time = formatTime(suggestion.createdAt, i18n.language);
  return (
    <li className="suggestion-card" data-suggestion-id={suggestion.id} data-kind={kind} style={{ borderInlineStartColor: suggestion.authorColor }}>
      <p className="suggestion-card__meta">
        <strong>{t(`suggestions.${kind}`)}</strong> · <span className="suggestion-card__author">{t('suggestions.authorAndTime', { name: suggestion.authorName, time })}</span>
      </p>
      {suggestion.deletedText !== '' && (
        <p className="suggestion-card__text">
          {t('suggestions.deleted')}: <del>{suggestion.deletedText}</del>
        </p>
      )}
      {suggestion.insertedText !== '' && (
        <p className="suggestion-card__text">
          {t('suggestions.inserted')}: <ins>{suggestion.insertedText}</ins>
        </p>
      )}
      <div className="suggestion-card__actions">
        <button type="button" onClick={onShow}>
          {t('suggestions.show')}
        </button>
        {canResolve && (
          <button type="button" data-action="accept" onClick={() => onResolve(true)}>
            {t('suggestions.accept')}
          </button>
        )}
        {(canResolve || isOwn) && (
          <button type="button" data-action={isOwn ? 'withdraw' : 'reject'} onClick={() => onResolve(false)}>
            {isOwn ? t('suggestions.withdraw') : t('suggestions.reject')}
          </button>
        )}
      </div>
    </li>
  );
}

function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

function showInText(editor: Editor, suggestion: Suggestion): void {
  const range = suggestion.ranges[0];
  if (range === undefined) return;
  const { doc } = editor.state;
  const to = Math.min(range.to, doc.content.size);
  editor.chain().focus().command(({ tr }) => {
    tr.setSelection(TextSelection.create(doc, Math.min(range.from, to), to)).scrollIntoView();
    return true;
  }).run();
}
