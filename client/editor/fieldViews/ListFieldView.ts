import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { plainLabel } from '../../i18n/plainLabel.js';
import { querySlotted, shadowHost } from '../nodeViews/shadowSlot.js';
import { createListEntry } from './createListEntry.js';
import { element, nonEditable } from './dom.js';
import { addLabel, fieldLabel } from './fieldLabels.js';
import { FieldNodeView } from './FieldNodeView.js';

const LIST_TAGS: Record<string, 'ul' | 'ol' | 'div'> = {
  blockLineList: 'ul',
  directionActionList: 'ol',
  directionIndicatorList: 'div',
  fundingShareList: 'div',
};

/** Column headings of the table-like lists, as i18n keys. */
const COLUMN_KEYS = {
  directionIndicatorList: ['blocks.indicator.name', 'blocks.indicator.unit', 'blocks.indicator.baseline', 'blocks.indicator.target', 'blocks.indicator.source', null],
  fundingShareList: ['blocks.direction.fundingSource', 'blocks.direction.fundingAmount', null],
} as const;

/**
 * A list field of a block (actions, responsible bodies, indicators, funding
 * rows): a label, the entries (each its own node, so concurrent additions
 * both stay) and an add button that puts the caret in the new entry.
 */
export class ListFieldView extends FieldNodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly addButton: HTMLButtonElement;
  /** The column headings of a list shown as a table; hidden while it is empty. */
  private readonly columns: HTMLElement | null = null;

  constructor(
    node: ProseMirrorNode,
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
  ) {
    super(node);
    const field = fieldNameOf(node);
    const label = fieldLabel(field);
    const name = node.type.name;
    this.dom = element('div', `plan-field plan-field--list plan-field--${name}`, { 'data-node': name, 'data-field': field, role: 'group', 'aria-label': label });
    const labelElement = nonEditable(element('div', 'plan-field__label'));
    labelElement.textContent = label;
    this.dom.append(shadowHost('', labelElement));
    const columns = name === 'directionIndicatorList' || name === 'fundingShareList' ? COLUMN_KEYS[name] : undefined;
    if (columns !== undefined) {
      this.columns = nonEditable(element('div', `plan-field__columns plan-field__columns--${name}`, { 'aria-hidden': 'true' }));
      for (const key of columns) this.columns.append(Object.assign(element('span', ''), { textContent: key === null ? '' : plainLabel(key) }));
      this.dom.append(shadowHost('', this.columns));
    }
    this.contentDOM = element(LIST_TAGS[name] ?? 'div', 'plan-field__entries');
    this.addButton = nonEditable(element('button', 'button button--small plan-field__add', { type: 'button' }));
    this.addButton.textContent = `+ ${addLabel(field)}`;
    this.addButton.addEventListener('click', () => this.addEntry());
    this.dom.append(this.contentDOM, shadowHost('', this.addButton));
    this.refresh();
    this.followEditable(editor, (isEditable) => {
      this.addButton.disabled = !isEditable;
      this.addButton.hidden = !isEditable;
    });
  }

  protected override canShow(node: ProseMirrorNode): boolean {
    return super.canShow(node) && fieldNameOf(node) === fieldNameOf(this.node);
  }

  protected refresh(): void {
    this.dom.classList.toggle('plan-field--empty', this.node.childCount === 0);
    this.columns?.classList.toggle('plan-field__columns--empty', this.node.childCount === 0);
  }

  private addEntry(): void {
    const position = this.getPos();
    if (position === undefined || !this.editor.isEditable) return;
    const { state, view } = this.editor;
    const list = state.doc.nodeAt(position);
    if (list === null) return;
    const $list = state.doc.resolve(position);
    const created = createListEntry(list, $list.parent, state.schema);
    if (created === null) return;
    const insertAt = position + list.nodeSize - 1;
    const transaction = state.tr.insert(insertAt, created.entry);
    if (created.caretOffset !== null) transaction.setSelection(TextSelection.create(transaction.doc, insertAt + created.caretOffset));
    view.dispatch(transaction.scrollIntoView());
    if (created.caretOffset !== null) {
      view.focus();
    } else {
      // A row without text (a funding source): its first control takes the focus.
      const row = view.nodeDOM(insertAt);
      if (row instanceof HTMLElement) querySlotted(row, 'select, input')?.focus();
    }
  }
}

function fieldNameOf(node: ProseMirrorNode): string {
  const field = node.attrs['field'];
  // Only blockLineList has a `field` attribute; the other lists are one field each.
  return typeof field === 'string' && field !== '' ? field : defaultFieldOf(node.type.name);
}

function defaultFieldOf(typeName: string): string {
  switch (typeName) {
    case 'directionActionList':
      return 'actions';
    case 'directionIndicatorList':
      return 'indicators';
    case 'fundingShareList':
      return 'fundingSources';
    default:
      return '';
  }
}
