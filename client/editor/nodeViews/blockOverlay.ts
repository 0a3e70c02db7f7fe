/**
 * A block's control opened or closed something that must show past the block's edge (a code list).
 * Dispatched from inside the block's shadow slots, where CSS `:has()` on the block cannot look.
 */
export const BLOCK_OVERLAY_EVENT = 'plan-block-overlay';

interface OverlayDetail {
  isOpen: boolean;
}

export function announceOverlay(from: Element, isOpen: boolean): void {
  from.dispatchEvent(new CustomEvent<OverlayDetail>(BLOCK_OVERLAY_EVENT, { bubbles: true, composed: true, detail: { isOpen } }));
}

export function isOverlayEvent(event: Event): event is CustomEvent<OverlayDetail> {
  return event instanceof CustomEvent && typeof (event.detail as Partial<OverlayDetail> | null)?.isOpen === 'boolean';
}
