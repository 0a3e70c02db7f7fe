import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import { plainLabel } from '../../i18n/plainLabel.js';
import { fundingShareAttributeFields } from '../../../shared/domain/blockFields.js';
import { label, taxonomyEntries } from '../../../shared/domain/taxonomy.js';
import { coerceBlockAttributes } from '../../../shared/planJson/coerceBlockAttributes.js';
import { numberControl, selectControl } from './AttributeControl.js';
import { shadowHost } from '../nodeViews/shadowSlot.js';
import { element } from './dom.js';
import { FieldNodeView } from './FieldNodeView.js';
import { removeNode } from './removeNode.js';
import { setNodeAttributes } from './setNodeAttributes.js';

/** One funding row of a direction: a source and an amount, both attributes of an atom node. */
export class FundingShareView extends FieldNodeView {
  readonly dom: HTMLElement;
  readonly contentDOM = null;
  private readonly show: (node: ProseMirrorNode) => void;

  constructor(node: ProseMirrorNode, editor: Editor, getPos: () => number | undefined) {
    super(node);
    const language = i18next.language === 'en' ? 'en' : 'pl';
    this.dom = element('div', 'plan-field__row funding-row', { 'data-node': node.type.name, contenteditable: 'false' });
    const source = selectControl(
      plainLabel('blocks.direction.fundingSource'),
      taxonomyEntries('fundingSources').map((entry) => ({ value: entry.code, label: label('fundingSources', entry.code, language) })),
      (code) => setNodeAttributes(editor, getPos, { code }),
      'funding-row__source',
    );
    const amount = numberControl({ label: plainLabel('blocks.direction.fundingAmount'), min: 0, className: 'funding-row__amount' }, (value) =>
      setNodeAttributes(editor, getPos, { amount: value ?? 0 }),
    );
    const remove = element('button', 'plan-field__remove plan-field__remove--row', { type: 'button', 'aria-label': plainLabel('blocks.common.removeRow') });
    remove.textContent = '×';
    remove.addEventListener('click', () => removeNode(editor, getPos));
    this.dom.append(shadowHost('', source.element, amount.element, remove));
    this.show = (current) => {
      const attributes = coerceBlockAttributes(fundingShareAttributeFields, current.attrs, 'fundingShare');
      source.show(attributes.code);
      amount.show(attributes.amount);
    };
    this.refresh();
    this.followEditable(editor, (isEditable) => {
      source.setDisabled(!isEditable);
      amount.setDisabled(!isEditable);
      remove.hidden = !isEditable;
    });
  }

  protected refresh(): void {
    this.show(this.node);
  }

  // Every event inside the row belongs to its controls; ProseMirror only sees the row as one atom.
  override stopEvent(): boolean {
    return true;
  }

  override ignoreMutation(): boolean {
    return true;
  }
}
