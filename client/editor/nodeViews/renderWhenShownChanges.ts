import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ReactNodeViewRendererOptions } from '@tiptap/react';
import { blockTitle } from './TypedBlockFrame.js';

type UpdateOption = NonNullable<ReactNodeViewRendererOptions['update']>;

/**
 * The `update` of a React node view that renders again only when what the
 * view itself shows changed. By default TipTap renders a section's or a
 * block's view on every change of its node, that is on every key typed in
 * its text, although the text is ProseMirror's and the view shows only
 * attributes (and a title or an emptiness hint). Every React commit costs
 * much in a big plan, so typing should cause none.
 */
export function renderWhenShownChanges(shown: (node: ProseMirrorNode) => string): UpdateOption {
  return ({ oldNode, newNode, updateProps }) => {
    if (shown(oldNode) !== shown(newNode)) updateProps();
    return true;
  };
}

/** A typed block's view shows its attributes and its title (in the header). */
export function shownByTypedBlock(node: ProseMirrorNode): string {
  return JSON.stringify([node.attrs, blockTitle(node)]);
}

/** A section's view shows its attributes and, while its body is one empty paragraph, its hint. */
export function shownBySection(node: ProseMirrorNode): string {
  const first = node.firstChild;
  const isEmpty = node.childCount === 1 && first !== null && first.type.name === 'paragraph' && first.content.size === 0;
  return JSON.stringify([node.attrs, isEmpty]);
}
