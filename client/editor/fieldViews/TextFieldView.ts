import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { shadowHost } from '../nodeViews/shadowSlot.js';
import { element, nonEditable } from './dom.js';
import { fieldLabel } from './fieldLabels.js';
import { FieldNodeView } from './FieldNodeView.js';

/**
 * A text field of a block (blockLine, blockRichText): its label, then the
 * collaborative text itself. The label is not editable and the empty field
 * shows its label as a placeholder, so a new block reads like a form to fill
 * without being one.
 */
export class TextFieldView extends FieldNodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor(node: ProseMirrorNode) {
    super(node);
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
    this.dom.append(shadowHost('plan-field__label-host', labelElement), this.contentDOM);
    this.refresh();
  }

  protected override canShow(node: ProseMirrorNode): boolean {
    return super.canShow(node) && node.attrs['field'] === this.node.attrs['field'];
  }

  protected refresh(): void {
    const isEmpty = this.node.type.name === 'blockLine' ? this.node.content.size === 0 : this.node.textContent === '' && this.node.childCount <= 1;
    this.dom.classList.toggle('plan-field--empty', isEmpty);
  }
}
