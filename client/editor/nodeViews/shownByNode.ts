import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { blockTitle } from './TypedBlockFrame.js';

/*
 * What a section's or a block's React view shows of its node. The view
 * renders again only when this changes (PortalNodeView): its node changes on
 * every key typed in its text, but the text is ProseMirror's and the view
 * shows only attributes (and a title or an emptiness hint). Every React
 * commit costs much in a big plan, so typing should cause none.
 */

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
