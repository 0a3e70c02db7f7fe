import * as Y from 'yjs';
import type { ProseMirrorMarkJson, ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import type { DroppedContent } from './DroppedContent.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION } from '../suggestions/SuggestionAttributes.js';
import { readFormatChange } from '../suggestions/FormatChange.js';

const MAX_DEPTH = 64;
// y-tiptap suffixes overlapping marks of one type with '--<hash>'.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

export interface ReadContentOptions {
  /**
   * 'keep' (the default) reads suggestion marks like any other mark;
   * 'pending' reads the text as if no pending suggestion existed: suggested
   * insertions are left out, text suggested for deletion stays, unmarked,
   * and a suggested formatting change is reverted (its added marks removed,
   * its removed ones restored).
   */
  suggestions?: 'keep' | 'pending';
}

/**
 * The editor JSON of a Y.XmlFragment written by y-tiptap, read without a
 * schema. Unlike y-tiptap's yXmlFragmentToProsemirrorJSON it does not throw on
 * content a client could smuggle in (Y.XmlHook, embeds in text, absurd
 * nesting); such parts are left out and listed in `dropped`.
 */
export function readContentFragment(fragment: Y.XmlFragment, dropped: DroppedContent[] = [], options: ReadContentOptions = {}): ProseMirrorNodeJson {
  return { type: 'doc', content: readChildren(fragment, '', dropped, 0, options.suggestions === 'pending') };
}

function readChildren(
  parent: Y.XmlFragment | Y.XmlElement,
  path: string,
  dropped: DroppedContent[],
  depth: number,
  isSkippingSuggestions: boolean,
): ProseMirrorNodeJson[] {
  const nodes: ProseMirrorNodeJson[] = [];
  parent.toArray().forEach((child, index) => {
    // Text nodes of one Y.XmlText become several JSON nodes, so paths count Y children.
    const childPath = path === '' ? `content[${index}]` : `${path}.content[${index}]`;
    if (depth > MAX_DEPTH) {
      dropped.push({ path: childPath, reason: 'nested too deeply' });
    } else if (child instanceof Y.XmlText) {
      nodes.push(...readText(child, childPath, dropped, isSkippingSuggestions));
    } else if (child instanceof Y.XmlElement && !(child instanceof Y.XmlHook)) {
      nodes.push(readElement(child, childPath, dropped, depth, isSkippingSuggestions));
    } else {
      dropped.push({ path: childPath, reason: 'not an element or text' });
    }
  });
  return nodes;
}

function readElement(element: Y.XmlElement, path: string, dropped: DroppedContent[], depth: number, isSkippingSuggestions: boolean): ProseMirrorNodeJson {
  const node: ProseMirrorNodeJson = { type: element.nodeName };
  const attrs: Record<string, unknown> = element.getAttributes();
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = readChildren(element, path, dropped, depth + 1, isSkippingSuggestions);
  if (content.length > 0) node.content = content;
  return node;
}

function readText(text: Y.XmlText, path: string, dropped: DroppedContent[], isSkippingSuggestions: boolean): ProseMirrorNodeJson[] {
  const nodes: ProseMirrorNodeJson[] = [];
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  delta.forEach((operation, index) => {
    if (typeof operation.insert !== 'string') {
      dropped.push({ path: `${path}[${index}]`, reason: 'embedded object in text' });
      return;
    }
    const attributes = { ...operation.attributes };
    if (isSkippingSuggestions) {
      if (attributes[SUGGESTION_INSERTION] !== undefined) return;
      delete attributes[SUGGESTION_DELETION];
      revertFormatSuggestion(attributes);
    }
    const node: ProseMirrorNodeJson = { type: 'text', text: operation.insert };
    const marks = Object.entries(attributes).map(([name, attrs]): ProseMirrorMarkJson => {
      const mark: ProseMirrorMarkJson = { type: HASHED_MARK_NAME.exec(name)?.[1] ?? name };
      if (typeof attrs === 'object' && attrs !== null && Object.keys(attrs).length > 0) {
        mark.attrs = attrs as Record<string, unknown>;
      }
      return mark;
    });
    if (marks.length > 0) node.marks = marks;
    nodes.push(node);
  });
  return nodes;
}

function revertFormatSuggestion(attributes: Record<string, unknown>): void {
  const change = attributes[SUGGESTION_FORMAT] === undefined ? null : readFormatChange(attributes[SUGGESTION_FORMAT]);
  delete attributes[SUGGESTION_FORMAT];
  if (change === null) return;
  for (const name of change.added) delete attributes[name];
  // Suggestable formats carry no attributes, so the restored mark is the one that was removed.
  for (const name of change.removed) attributes[name] ??= {};
}
