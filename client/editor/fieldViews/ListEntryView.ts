import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import i18next from 'i18next';
import { element, isControlEvent, isOutsideContent, nonEditable } from './dom.js';
import { removeNode } from './removeNode.js';
import { watchEditable } from './watchEditable.js';

/** One entry of a text list (an action, a responsible body…): its text and a remove button. */
export class ListEntryView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly stopWatching: () => void;
  private node: ProseMirrorNode;

  constructor(node: ProseMirrorNode, editor: Editor, getPos: () => number | undefined) {
    this.node = node;
    this.dom = element('li', 'plan-field__entry', { 'data-node': node.type.name });
    const id = node.attrs['id'];
    if (typeof id === 'string' && id !== '') this.dom.dataset['id'] = id;
    this.contentDOM = element('span', 'plan-field__text', { 'data-placeholder': i18next.t('blocks.common.entryPlaceholder') });
    const remove = nonEditable(element('button', 'plan-field__remove', { type: 'button' }));
    remove.textContent = '×';
    remove.addEventListener('click', () => removeNode(editor, getPos));
    this.dom.append(this.contentDOM, remove);
    this.markEmpty();
    this.stopWatching = watchEditable(editor, (isEditable) => {
      remove.hidden = !isEditable;
      remove.setAttribute('aria-label', i18next.t('blocks.common.removeNamed', { name: this.node.textContent || i18next.t('blocks.common.untitled') }));
    });
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.markEmpty();
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

  private markEmpty(): void {
    this.dom.classList.toggle('plan-field--empty', this.node.content.size === 0);
  }
}
