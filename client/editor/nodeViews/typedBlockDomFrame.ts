import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import { plainLabel } from '../../i18n/plainLabel.js';
import { element, nonEditable } from '../fieldViews/dom.js';
import { editableContent, type PortalFrame } from './PortalNodeView.js';
import { BLOCK_OVERLAY_EVENT, isOverlayEvent } from './blockOverlay.js';
import { BLOCK_SLOT_CLASS, shadowSlot } from './shadowSlot.js';

/** Where a typed block's React controls go (TypedBlockFrame renders into them). */
export interface TypedBlockSlots {
  /** The block's outer element (the node view's dom). */
  root: HTMLElement;
  /** Above the text fields: the header and the block's warnings. */
  chrome: HTMLElement;
  /** Below the text fields: codes, references, dates, amounts. */
  attributes: HTMLElement;
  /** Below the attributes and shown even when the block is collapsed (proposal controls); null if the type has none. */
  footer: HTMLElement | null;
}

/** A block's id as its views show it (the id attribute is a string or missing). */
export function blockIdOf(node: ProseMirrorNode): string {
  const id: unknown = node.attrs['id'];
  return typeof id === 'string' ? id : '';
}

/**
 * The plain-DOM frame of a typed block: the labelled wrapper, the slots for
 * its controls and the element holding its text fields. Until its controls
 * are rendered, the header slot shows the block's type and id in the same
 * line the real header takes, and the empty attribute strip keeps an
 * estimated height (planEditor.css, `[data-pending]`), so the page hardly
 * moves when they arrive.
 */
export function typedBlockDomFrame(blockType: TypedBlockType, modifier: string, hasFooter: boolean): (node: ProseMirrorNode) => PortalFrame<TypedBlockSlots> {
  return (node) => {
    const typeLabel = plainLabel(`blocks.types.${blockType}`);
    const root = element('div', `plan-block plan-block--${modifier}`, { 'data-block-type': blockType, role: 'group' });
    // As TipTap's NodeViewWrapper does: the controls' text wraps normally (the text fields set pre-wrap again).
    root.style.whiteSpace = 'normal';
    const chrome = nonEditable(element('div', 'plan-block__chrome'));
    const chromeSlot = shadowSlot(chrome, BLOCK_SLOT_CLASS);
    const placeholder = element('div', 'plan-block__header plan-block__header--pending');
    const placeholderType = Object.assign(element('span', 'plan-block__type'), { textContent: typeLabel });
    const placeholderName = element('span', 'plan-block__name');
    placeholder.append(placeholderType, placeholderName);
    chromeSlot.append(placeholder);
    const fields = element('div', 'plan-block__fields');
    const contentDOM = editableContent(fields);
    const attributes = nonEditable(element('div', 'plan-block__attributes', { 'data-pending': '' }));
    const footer = hasFooter ? nonEditable(element('div', 'plan-block__footer', { 'data-pending': '' })) : null;
    root.append(chrome, fields, attributes, ...(footer === null ? [] : [footer]));
    // An open code list must reach past the block's edge (planEditor.css, plan-block--overlay-open).
    root.addEventListener(BLOCK_OVERLAY_EVENT, (event) => {
      if (isOverlayEvent(event)) root.classList.toggle('plan-block--overlay-open', event.detail.isOpen);
    });

    let shownId: string | null = null;
    const update = (current: ProseMirrorNode): void => {
      const id = blockIdOf(current);
      if (id === shownId) return;
      shownId = id;
      root.dataset['blockId'] = id;
      root.setAttribute('aria-label', `${typeLabel} ${id}`);
      placeholderName.textContent = id;
    };
    update(node);
    return {
      dom: root,
      contentDOM,
      slots: { root, chrome: chromeSlot, attributes: shadowSlot(attributes, BLOCK_SLOT_CLASS), footer: footer === null ? null : shadowSlot(footer, BLOCK_SLOT_CLASS) },
      update,
      beforeMount: () => {
        placeholder.remove();
        attributes.removeAttribute('data-pending');
        footer?.removeAttribute('data-pending');
      },
      setSelected: (isSelected) => {
        root.classList.toggle('plan-block--selected', isSelected);
        root.classList.toggle('ProseMirror-selectednode', isSelected);
      },
    };
  };
}
