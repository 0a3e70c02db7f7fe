import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { plainLabel } from '../../i18n/plainLabel.js';
import { coerceBlockAttributes } from '../../../shared/planJson/coerceBlockAttributes.js';
import { directionIndicatorAttributeFields, type MeasuredValue } from '../../../shared/domain/blockFields.js';
import { numberControl, textControl, type AttributeControl } from './AttributeControl.js';
import { shadowHost } from '../nodeViews/shadowSlot.js';
import { element, nonEditable } from './dom.js';
import { FieldNodeView } from './FieldNodeView.js';
import { removeNode } from './removeNode.js';
import { setNodeAttributes } from './setNodeAttributes.js';

/**
 * One row of a direction's indicator table: name and source are its two
 * text children (laid out by CSS grid areas around the controls), unit and
 * values are attributes edited in small boxes.
 */
export class IndicatorRowView extends FieldNodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly controls: { control: AttributeControl; read: (node: ProseMirrorNode) => unknown }[] = [];

  constructor(
    node: ProseMirrorNode,
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
  ) {
    super(node);
    this.dom = element('div', 'plan-field__row indicator-row', { 'data-node': node.type.name, role: 'group', 'aria-label': plainLabel('blocks.direction.indicators') });
    this.contentDOM = element('div', 'indicator-row__texts');
    const values = nonEditable(element('div', 'indicator-row__values'));
    const unit = textControl(plainLabel('blocks.indicator.unit'), 'indicator-row__unit', (value) => this.set({ unit: value }));
    values.append(unit.element);
    this.controls.push({ control: unit, read: (current) => this.attributes(current).unit });
    for (const which of ['baseline', 'target'] as const) {
      const group = element('span', 'indicator-row__measure');
      const label = plainLabel(`blocks.indicator.${which}`);
      const value = numberControl({ label: `${label}: ${plainLabel('blocks.indicator.value')}`, isNullable: true, className: 'indicator-row__value' }, (number) =>
        this.setMeasure(which, { value: number }),
      );
      const year = numberControl({ label: `${label}: ${plainLabel('blocks.indicator.year')}`, isNullable: true, isInteger: true, className: 'indicator-row__year' }, (number) =>
        this.setMeasure(which, { year: number }),
      );
      group.append(value.element, year.element);
      values.append(group);
      this.controls.push({ control: value, read: (current) => this.attributes(current)[which].value });
      this.controls.push({ control: year, read: (current) => this.attributes(current)[which].year });
    }
    const remove = element('button', 'plan-field__remove plan-field__remove--row', { type: 'button', 'aria-label': plainLabel('blocks.common.removeRow') });
    remove.textContent = '×';
    remove.addEventListener('click', () => removeNode(editor, getPos));
    values.append(remove);
    this.dom.append(this.contentDOM, shadowHost('', values));
    this.refresh();
    this.followEditable(editor, (isEditable) => {
      for (const { control } of this.controls) control.setDisabled(!isEditable);
      remove.hidden = !isEditable;
    });
  }

  protected refresh(): void {
    for (const { control, read } of this.controls) control.show(read(this.node));
  }

  private attributes(node: ProseMirrorNode) {
    return coerceBlockAttributes(directionIndicatorAttributeFields, node.attrs, 'directionIndicator');
  }

  private set(attributes: Record<string, unknown>): void {
    setNodeAttributes(this.editor, this.getPos, attributes);
  }

  private setMeasure(which: 'baseline' | 'target', change: Partial<MeasuredValue>): void {
    const current = this.attributes(this.node)[which];
    this.set({ [which]: { ...current, ...change } });
  }
}
