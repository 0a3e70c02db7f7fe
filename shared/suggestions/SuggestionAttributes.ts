/**
 * What a suggestion mark carries (both kinds). Marks are inline only: y-tiptap
 * stores an inline mark as a formatting attribute of a Y.XmlText, keyed by the
 * mark name, with these attributes as its value, so a suggestion syncs
 * character by character like the text it sits on.
 */
export interface SuggestionAttributes {
  /** One suggestion: every character of one insertion or deletion run shares it. */
  suggestionId: string;
  authorId: string;
  authorName: string;
  /** The author's caret colour when suggesting (#rrggbb); others see the suggestion in it. */
  authorColor: string;
  /** ISO 8601 time of the suggestion. */
  createdAt: string;
}

export const SUGGESTION_INSERTION = 'suggestionInsertion';
export const SUGGESTION_DELETION = 'suggestionDeletion';
/** Text whose formatting a member changed as a suggestion (shared/suggestions/FormatChange.ts). */
export const SUGGESTION_FORMAT = 'suggestionFormat';
export const SUGGESTION_MARK_NAMES = [SUGGESTION_INSERTION, SUGGESTION_DELETION, SUGGESTION_FORMAT] as const;
/** The `marks` expression of nodes that allow suggestions but no formatting (single-line fields, list entries). */
export const SUGGESTION_MARKS_ONLY = SUGGESTION_MARK_NAMES.join(' ');
export type SuggestionKind = 'insertion' | 'deletion' | 'formatting';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** The attributes of a suggestion mark as read from untrusted content, or null if they do not fit. */
export function readSuggestionAttributes(value: unknown): SuggestionAttributes | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { suggestionId, authorId, authorName, authorColor, createdAt } = record;
  if (typeof suggestionId !== 'string' || suggestionId === '' || typeof authorId !== 'string' || authorId === '') return null;
  return {
    suggestionId,
    authorId,
    authorName: typeof authorName === 'string' ? authorName : '',
    authorColor: typeof authorColor === 'string' && COLOR.test(authorColor) ? authorColor : '#6b7280',
    createdAt: typeof createdAt === 'string' ? createdAt : '',
  };
}

/** Whether a formatting value is a suggestion mark of this author. */
export function isSuggestionBy(value: unknown, authorId: string): boolean {
  return readSuggestionAttributes(value)?.authorId === authorId;
}
