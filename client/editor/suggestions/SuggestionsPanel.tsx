import { useMemo, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../../shared/deliberation/CommentThread.js';
import type { CommentStore } from '../../comments/CommentStore.js';
import type { MentionCandidate } from '../../comments/MentionCandidate.js';
import { setThreadResolved } from '../../comments/commentApi.js';
import { formatDateTime } from '../../comments/formatDateTime.js';
import type { SuggestableFormat } from '../../../shared/suggestions/FormatChange.js';
import type { Suggestion } from './collectSuggestions.js';
import { suggestionKey } from './suggestionKey.js';
import { SuggestionThread, type SuggestionThreadProps } from './SuggestionThread.js';
import { useSuggestions } from './useSuggestions.js';
import { useSuggestionThreads } from './useSuggestionThreads.js';
import './suggestions.css';

export interface SuggestionsPanelProps {
  editor: Editor | null;
  planId: string;
  userId: string;
  /** We may edit the plan: we accept and reject anyone's suggestions. */
  canResolve: boolean;
  /** The plan's comment threads (null until connected): each suggestion's card carries its thread. */
  commentStore: CommentStore | null;
  members: readonly MentionCandidate[];
}

/** One card per suggestion, grouped by author, with its thread and accept / reject (or withdraw for our own). */
export function SuggestionsPanel({ editor, planId, userId, canResolve, commentStore, members }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(editor);
  const threads = useSuggestionThreads(commentStore);
  const byAuthor = useMemo(() => {
    const groups = new Map<string, Suggestion[]>();
    for (const suggestion of suggestions) groups.set(suggestion.authorId, [...(groups.get(suggestion.authorId) ?? []), suggestion]);
    return [...groups.values()];
  }, [suggestions]);
  // Threads of suggestions no longer in the text (accepted, rejected, withdrawn): still readable, newest first.
  const closedThreads = useMemo(() => {
    const present = new Set(suggestions.map((suggestion) => suggestionKey(suggestion.authorId, suggestion.id)));
    return [...threads.entries()].filter(([key]) => !present.has(key)).map(([, thread]) => thread).sort((a, b) => b.createdAt - a.createdAt);
  }, [suggestions, threads]);

  if (editor === null) return null;
  const resolve = (options: { ids?: string[]; authorId?: string; isAccepting: boolean }): void => {
    editor.chain().focus().resolveSuggestions(options).run();
    if (commentStore === null) return;
    const resolved = suggestions.filter((suggestion) => (options.ids === undefined || options.ids.includes(suggestion.id)) && (options.authorId === undefined || suggestion.authorId === options.authorId));
    for (const suggestion of resolved) {
      const thread = threads.get(suggestionKey(suggestion.authorId, suggestion.id));
      // A record of who closed the discussion and when; the card shows the thread as closed either way,
      // once the suggestion has left the text, so a failure here loses nothing.
      if (thread?.status === 'open') setThreadResolved(thread.id, true).then((status) => commentStore.applyStatus(status), () => undefined);
    }
  };
  const threadProps = (suggestionId: string, authorId: string, isClosed: boolean) =>
    commentStore === null
      ? null
      : { planId, suggestionId, authorId, isClosed, thread: threads.get(suggestionKey(authorId, suggestionId)), store: commentStore, userId, members };

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
                  threadProps={threadProps(suggestion.id, suggestion.authorId, false)}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {closedThreads.length > 0 && commentStore !== null && (
        <details className="suggestions-panel__closed">
          <summary>{t('suggestions.closedHeading', { count: closedThreads.length })}</summary>
          <ul className="suggestions-panel__list">
            {closedThreads.map((thread) => (
              <ClosedSuggestionCard key={thread.id} thread={thread} members={members}>
                {thread.anchor.kind === 'suggestion' && <SuggestionThread {...{ planId, userId, members, thread, store: commentStore, isClosed: true }} suggestionId={thread.anchor.suggestionId} authorId={thread.anchor.authorId} />}
              </ClosedSuggestionCard>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A suggestion that has left the text, as its thread remembers it: what it changed, who closed the discussion. */
function ClosedSuggestionCard({ thread, members, children }: { thread: CommentThread; members: readonly MentionCandidate[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const resolver = members.find((member) => member.userId === thread.resolvedBy)?.name;
  return (
    <li className="suggestion-card suggestion-card--closed" data-thread-id={thread.id}>
      <p className="suggestion-card__text">
        <span className="badge badge--muted">{t('suggestions.closed')}</span> {thread.anchor.quote}
      </p>
      {thread.resolvedAt !== null && (
        <p className="suggestion-card__meta">{t('suggestions.closedBy', { name: resolver ?? t('suggestions.formerMember'), time: formatDateTime(thread.resolvedAt, i18n.language) })}</p>
      )}
      {children}
    </li>
  );
}

function SuggestionCard({
  suggestion,
  isOwn,
  canResolve,
  onResolve,
  onShow,
  threadProps,
}: {
  suggestion: Suggestion;
  isOwn: boolean;
  canResolve: boolean;
  onResolve: (isAccepting: boolean) => void;
  onShow: () => void;
  threadProps: SuggestionThreadProps | null;
}) {
  const { t, i18n } = useTranslation();
  const kind =
    suggestion.insertedText !== '' && suggestion.deletedText !== ''
      ? 'replacement'
      : suggestion.insertedText !== ''
        ? 'insertion'
        : suggestion.deletedText !== ''
          ? 'deletion'
          : 'formatting';
  const formatNames = (formats: readonly SuggestableFormat[]): string => formats.map((name) => t(`suggestions.format.${name}`)).join(', ');
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
      {suggestion.formattedText !== '' && (
        <p className="suggestion-card__text">
          {[
            suggestion.addedFormats.length > 0 ? t('suggestions.formatAdded', { formats: formatNames(suggestion.addedFormats) }) : null,
            suggestion.removedFormats.length > 0 ? t('suggestions.formatRemoved', { formats: formatNames(suggestion.removedFormats) }) : null,
          ]
            .filter((part) => part !== null)
            .join('; ')}
          : <span className="suggestion-card__formatted">{suggestion.formattedText}</span>
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
      {threadProps !== null && <SuggestionThread {...threadProps} />}
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
