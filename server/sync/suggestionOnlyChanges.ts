import * as Y from 'yjs';
import { equalityDeep } from 'lib0/function';
import { SUGGESTABLE_FORMATS, formatsBeforeChange, isSuggestableFormat, readFormatChange, type SuggestableFormat } from '../../shared/suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, isSuggestionBy } from '../../shared/suggestions/SuggestionAttributes.js';

export type SuggestionVerdict =
  | { isAllowed: true }
  /** `buildsOnMissingContent`: it could not be judged yet (its client's sync step 2 is still to come). */
  | { isAllowed: false; reason: string; buildsOnMissingContent?: true };

const ALLOWED: SuggestionVerdict = { isAllowed: true };
const refuse = (reason: string): SuggestionVerdict => ({ isAllowed: false, reason });

type Attributes = Map<string, unknown>;

/**
 * Whether every change a transaction made stays inside suggestions of one
 * author: text inserted carries their insertion mark, text removed was their
 * own suggested insertion, and existing text only gains or loses their
 * deletion mark (or has their own suggestion's attributes changed), or has
 * its bold/italic changed together with their own formatting-suggestion mark
 * recording exactly that change (so that rejecting it restores the text as it
 * was). Nothing
 * structural: no element, attribute or map changes, except a text node added
 * to (or removed from) an element when all its text is their suggestion,
 * which is how y-tiptap types into (or empties) an empty paragraph or field.
 *
 * Read the transaction before its observers run (`beforeObserverCalls`):
 * afterwards garbage collection has dropped the content of deleted items,
 * which is what tells whose text a deletion removed.
 */
export function suggestionOnlyChanges(transaction: Y.Transaction, authorId: string): SuggestionVerdict {
  for (const [type, keys] of transaction.changed) {
    const verdict =
      type instanceof Y.XmlText
        ? keys.size === 1 && keys.has(null)
          ? checkTextItems(transaction, type, authorId)
          : refuse('text attributes changed')
        : type instanceof Y.XmlElement || type instanceof Y.XmlFragment
          ? keys.size === 1 && keys.has(null)
            ? checkElementChildren(transaction, type, authorId)
            : refuse('element attributes changed')
          : refuse('a change outside the document text');
    if (!verdict.isAllowed) return verdict;
  }
  return ALLOWED;
}

function isAddedBy(transaction: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

function isVisibleBefore(transaction: Y.Transaction, item: Y.Item): boolean {
  return !isAddedBy(transaction, item) && (!item.deleted || Y.isDeleted(transaction.deleteSet, item.id));
}

function checkElementChildren(transaction: Y.Transaction, parent: Y.XmlElement | Y.XmlFragment, authorId: string): SuggestionVerdict {
  for (let item = parent._start; item !== null; item = item.right) {
    const isAdded = isAddedBy(transaction, item) && !item.deleted;
    const isRemoved = isVisibleBefore(transaction, item) && item.deleted;
    if (!isAdded && !isRemoved) continue;
    const child = item.content instanceof Y.ContentType ? item.content.type : null;
    if (!(child instanceof Y.XmlText)) return refuse(isAdded ? 'an element inserted' : 'an element removed');
    const verdict = checkTextItems(transaction, child, authorId);
    if (!verdict.isAllowed) return verdict;
  }
  return ALLOWED;
}

/**
 * Walks the text's items once, tracking the formatting in force before and
 * after the transaction, and judges every character that appeared,
 * disappeared or changed formatting.
 */
function checkTextItems(transaction: Y.Transaction, text: Y.XmlText, authorId: string): SuggestionVerdict {
  const before: Attributes = new Map();
  const after: Attributes = new Map();
  for (let item = text._start; item !== null; item = item.right) {
    const wasVisible = isVisibleBefore(transaction, item);
    const isVisible = !item.deleted;
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content;
      if (wasVisible) setFormat(before, key, value);
      if (isVisible) setFormat(after, key, value);
      continue;
    }
    if (!item.countable || (!wasVisible && !isVisible)) continue;
    if (!wasVisible) {
      if (!(item.content instanceof Y.ContentString)) return refuse('something other than text inserted');
      if (!isSuggestionBy(after.get(SUGGESTION_INSERTION), authorId)) return refuse('text inserted without the author’s insertion mark');
      if (!isAbsentOrBy(after.get(SUGGESTION_DELETION), authorId)) return refuse('text inserted as another member’s deletion');
      if (!isAbsentOrBy(after.get(SUGGESTION_FORMAT), authorId)) return refuse('text inserted into another member’s formatting suggestion');
    } else if (!isVisible) {
      if (!isSuggestionBy(before.get(SUGGESTION_INSERTION), authorId)) return refuse('text removed that is not the author’s own suggestion');
    } else {
      const verdict = checkFormattingChange(before, after, authorId);
      if (!verdict.isAllowed) return verdict;
    }
  }
  return ALLOWED;
}

function setFormat(attributes: Attributes, key: string, value: unknown): void {
  if (value === null) attributes.delete(key);
  else attributes.set(key, value);
}

function isAbsentOrBy(value: unknown, authorId: string): boolean {
  return value === undefined || isSuggestionBy(value, authorId);
}

function checkFormattingChange(before: Attributes, after: Attributes, authorId: string): SuggestionVerdict {
  let isFormatChanged = false;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const next = after.get(key);
    // Equal, not identical: restoring a run's formatting after an insertion writes a new, equal value.
    if (equalityDeep(old, next)) continue;
    if (key === SUGGESTION_DELETION) {
      if (!isAbsentOrBy(old, authorId) || !isAbsentOrBy(next, authorId)) return refuse('another member’s deletion changed');
    } else if (key === SUGGESTION_INSERTION) {
      // Own to own only: marking existing text as one's insertion would let one delete it; unmarking it accepts it.
      if (!isSuggestionBy(old, authorId) || !isSuggestionBy(next, authorId)) return refuse('an insertion mark added, removed or taken over');
    } else if (key === SUGGESTION_FORMAT || isSuggestableFormat(key)) {
      isFormatChanged = true;
    } else {
      return refuse(`formatting changed (${key})`);
    }
  }
  return isFormatChanged ? checkFormatSuggestion(before, after, authorId) : ALLOWED;
}

/**
 * Bold/italic (or a formatting-suggestion mark) changed on existing text:
 * only the author's own formatting suggestion may be made, changed or
 * withdrawn, and the text read as if no formatting suggestion were pending
 * must stay as it was, so the mark records exactly what the change did.
 */
function checkFormatSuggestion(before: Attributes, after: Attributes, authorId: string): SuggestionVerdict {
  if (!isAbsentOrBy(before.get(SUGGESTION_FORMAT), authorId) || !isAbsentOrBy(after.get(SUGGESTION_FORMAT), authorId)) {
    return refuse('another member’s formatting suggestion changed');
  }
  const original = formatsWithoutSuggestion(before);
  const proposed = formatsWithoutSuggestion(after);
  if (original === null || proposed === null || original.size !== proposed.size || [...original].some((name) => !proposed.has(name))) {
    return refuse('formatting changed without the author’s formatting suggestion recording it');
  }
  return ALLOWED;
}

/** The suggestable formats of a run as they were before its pending formatting suggestion; null when its record does not fit. */
function formatsWithoutSuggestion(attributes: Attributes): Set<SuggestableFormat> | null {
  const present = new Set(SUGGESTABLE_FORMATS.filter((name) => attributes.has(name)));
  const value = attributes.get(SUGGESTION_FORMAT);
  if (value === undefined) return present;
  const change = readFormatChange(value);
  return change === null ? null : formatsBeforeChange(present, change);
}
