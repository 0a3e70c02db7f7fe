import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { element, nonEditable } from '../fieldViews/dom.js';
import { editableContent, type PortalFrame } from './PortalNodeView.js';

/** Where a section's React controls go (PlanSectionView renders into them). */
export interface PlanSectionSlots {
  /** The section element (the node view's dom). */
  root: HTMLElement;
  /** Above the section's text: its title, status, responsible person and hint. */
  header: HTMLElement;
}

/** The plain-DOM frame of a plan section: the section element, its header slot and its body (the editable text). */
export function planSectionDomFrame(node: ProseMirrorNode): PortalFrame<PlanSectionSlots> {
  const root = element('section', 'plan-section');
  // As TipTap's NodeViewWrapper does: the header's text wraps normally (the body sets pre-wrap again).
  root.style.whiteSpace = 'normal';
  const header = nonEditable(element('div', 'plan-section__header'));
  const body = element('div', 'plan-section__body');
  const contentDOM = editableContent(body);
  root.append(header, body);
  const update = (current: ProseMirrorNode): void => {
    const key: unknown = current.attrs['key'];
    const shown = typeof key === 'string' ? key : '';
    if (root.dataset['sectionKey'] !== shown) root.dataset['sectionKey'] = shown;
  };
  update(node);
  return {
    dom: root,
    contentDOM,
    slots: { root, header },
    update,
    setSelected: (isSelected) => root.classList.toggle('ProseMirror-selectednode', isSelected),
  };
}
