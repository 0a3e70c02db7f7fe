import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import { plainLabel } from '../../i18n/plainLabel.js';
import { shadowHost } from '../nodeViews/shadowSlot.js';
import { element, nonEditable } from './dom.js';
import { FieldNodeView } from './FieldNodeView.js';
import { removeNode } from './removeNode.js';

/** One entry of a text list (an action, a responsible body…): its text and a remove button. */
export class ListEntryView extends FieldNodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor(node: ProseMirrorNode, editor: Editor, getPos: () => number | undefined) {
    super(node);
    this.dom = element('li', 'plan-field__entry', { 'data-node': node.type.name });
    const id = node.attrs['id'];
    if (typeof id === 'string' && id !== '') this.dom.dataset['id'] = id;
    this.contentDOM = element('span', 'plan-field__text', { 'data-placeholder': plainLabel('blocks.common.entryPlaceholder') });
    const remove = nonEditable(element('button', 'plan-field__remove', { type: 'button' }));
    remove.textContent = '×';
    remove.addEventListener('click', () => removeNode(editor, getPos));
    this.dom.append(this.contentDOM, shadowHost('', remove));
    this.refresh();
    this.followEditable(editor, (isEditable) => {
      remove.hidden = !isEditable;
      remove.setAttribute('aria-label', i18next.t('blocks.common.removeNamed', { name: this.node.textContent || plainLabel('blocks.common.untitled') }));
    });
  }

  protected refresh(): void {
    this.dom.classList.toggle('plan-field--empty', this.node.content.size === 0);
  }
}
