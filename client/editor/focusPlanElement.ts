import { mountNow } from './nodeViews/LazyMounter.js';
import { querySlotted } from './nodeViews/shadowSlot.js';

/** Scrolls the n-th section of the editor into view and puts the focus on its title. */
export function focusSection(index: number): boolean {
  const section = document.querySelectorAll<HTMLElement>('.plan-editor [data-section-key]')[index];
  if (section === undefined) return false;
  section.scrollIntoView({ block: 'start', behavior: 'smooth' });
  section.querySelector<HTMLElement>('.plan-section__title')?.focus({ preventScroll: true });
  return true;
}

/** Scrolls a typed block into view and focuses its first control. */
export function focusBlock(blockId: string): boolean {
  const block = [...document.querySelectorAll<HTMLElement>('.plan-editor [data-block-id]')].find((element) => element.dataset['blockId'] === blockId);
  if (block === undefined) return false;
  // Its controls may not be rendered yet (off screen while the page was idle-rendering).
  mountNow(block);
  block.scrollIntoView({ block: 'center', behavior: 'smooth' });
  querySlotted(block, 'input, select, textarea, button')?.focus({ preventScroll: true });
  return true;
}
