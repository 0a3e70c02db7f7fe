import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { isControlEvent, isOutsideContent } from './dom.js';
import { watchEditable } from './watchEditable.js';

/**
 * What the hand-written field views share: they keep their node, redraw
 * what depends on it when ProseMirror hands them a new version of it, leave
 * events and mutations of their own controls to those controls, and follow
 * the editor's editability.
 */
export abstract class FieldNodeView implements NodeView {
  abstract readonly dom: HTMLElement;
  abstract readonly contentDOM: HTMLElement | null;
  private stopWatching: () => void = () => {};

  protected constructor(protected node: ProseMirrorNode) {}

  update(node: ProseMirrorNode): boolean {
    if (!this.canShow(node)) return false;
    this.node = node;
    this.refresh();
    return true;
  }

  stopEvent(event: Event): boolean {
    return isControlEvent(event, this.contentDOM);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return isOutsideContent(mutation, this.contentDOM);
  }

  destroy(): void {
    this.stopWatching();
  }

  /** Whether this view can show `node` (else ProseMirror makes a new one). */
  protected canShow(node: ProseMirrorNode): boolean {
    return node.type === this.node.type;
  }

  /** Redraws what depends on the node; called after construction by the subclass and on every update. */
  protected abstract refresh(): void;

  /** Calls `listener` now and whenever editability changes, until the view is destroyed. */
  protected followEditable(editor: Editor, listener: (isEditable: boolean) => void): void {
    this.stopWatching = watchEditable(editor, listener);
  }
}
