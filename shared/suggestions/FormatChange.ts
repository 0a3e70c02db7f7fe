import { readSuggestionAttributes, type SuggestionAttributes } from './SuggestionAttributes.js';

/** The marks a formatting suggestion may add or remove: those without attributes, so reverting one restores it exactly. */
export const SUGGESTABLE_FORMATS = ['bold', 'italic'] as const;
export type SuggestableFormat = (typeof SUGGESTABLE_FORMATS)[number];

/** What a formatting suggestion changed on its text, against the text as it was before any pending formatting suggestion. */
export interface FormatChange {
  added: SuggestableFormat[];
  removed: SuggestableFormat[];
}

/** The attributes of a `suggestionFormat` mark. */
export type FormatSuggestionAttributes = SuggestionAttributes & FormatChange;

export function isSuggestableFormat(name: string): name is SuggestableFormat {
  return (SUGGESTABLE_FORMATS as readonly string[]).includes(name);
}

/**
 * The change a `suggestionFormat` value records, read from untrusted content:
 * null unless it names only suggestable formats, each at most once, none both
 * added and removed, at least one in all.
 */
export function readFormatChange(value: unknown): FormatChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { added, removed } = value as Record<string, unknown>;
  const readList = (list: unknown): SuggestableFormat[] | null =>
    Array.isArray(list) && list.every((name): name is SuggestableFormat => typeof name === 'string' && isSuggestableFormat(name)) && new Set(list).size === list.length ? list : null;
  const addedFormats = readList(added);
  const removedFormats = readList(removed);
  if (addedFormats === null || removedFormats === null || addedFormats.length + removedFormats.length === 0) return null;
  if (addedFormats.some((name) => removedFormats.includes(name))) return null;
  return { added: addedFormats, removed: removedFormats };
}

/** A `suggestionFormat` value as read from untrusted content: its suggestion attributes and its change, or null. */
export function readFormatSuggestion(value: unknown): FormatSuggestionAttributes | null {
  const attributes = readSuggestionAttributes(value);
  const change = readFormatChange(value);
  return attributes === null || change === null ? null : { ...attributes, ...change };
}

/**
 * The suggestable formats the text had before the change, given those it has
 * now; null when the change does not fit them (an added format missing, a
 * removed one present), which only hand-made content can produce.
 */
export function formatsBeforeChange(present: ReadonlySet<SuggestableFormat>, change: FormatChange): Set<SuggestableFormat> | null {
  if (!change.added.every((name) => present.has(name)) || change.removed.some((name) => present.has(name))) return null;
  return new Set([...[...present].filter((name) => !change.added.includes(name)), ...change.removed]);
}

/** The change that leads from `before` to `after` (in SUGGESTABLE_FORMATS order), or null when they are equal. */
export function formatChangeBetween(before: ReadonlySet<SuggestableFormat>, after: ReadonlySet<SuggestableFormat>): FormatChange | null {
  const added = SUGGESTABLE_FORMATS.filter((name) => after.has(name) && !before.has(name));
  const removed = SUGGESTABLE_FORMATS.filter((name) => before.has(name) && !after.has(name));
  return added.length + removed.length === 0 ? null : { added, removed };
}
