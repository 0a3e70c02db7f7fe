import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { element, isOutsideContent, nonEditable } from './dom.js';
import { fieldLabel } from './fieldLabels.js';

/**
 * A text field of a block (blockLine, blockRichText): its label, then the
 * collaborative text itself. The label is not editable and the empty field
 * shows its label as a placeholder, so a new block reads like a form to fill
 * without being one.
 */
export class TextFieldView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private node: ProseMirrorNode;

  constructor(node: ProseMirrorNode) {
    this.node = node;
    const field = String(node.attrs['field'] ?? '');
    const isLine = node.type.name === 'blockLine';
    const label = fieldLabel(field, isLine);
    const isTitle = isLine && (field === 'title' || field === 'name');
    this.dom = element('div', `plan-field plan-field--${isLine ? 'line' : 'rich'}${isTitle ? ' plan-field--title' : ''}`, {
      'data-node': node.type.name,
      'data-field': field,
      role: 'group',
      'aria-label': label,
    });
    const labelElement = nonEditable(element('div', isTitle ? 'plan-field__label visually-hidden' : 'plan-field__label'));
    labelElement.textContent = label;
    this.contentDOM = element('div', 'plan-field__text', { 'data-placeholder': label });
    this.dom.append(labelElement, this.contentDOM);
    this.markEmpty();
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type || node.attrs['field'] !== this.node.attrs['field']) return false;
    this.node = node;
    this.markEmpty();
    return true;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return isOutsideContent(mutation, this.contentDOM);
  }

  private markEmpty(): void {
    const isEmpty = this.node.type.name === 'blockLine' ? this.node.content.size === 0 : this.node.textContent === '' && this.node.childCount <= 1;
    this.dom.classList.toggle('plan-field--empty', isEmpty);
  }
}
