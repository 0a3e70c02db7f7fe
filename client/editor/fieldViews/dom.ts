/** A small element factory for the hand-written node views (no React: they are created by the hundred). */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  if (className !== '') created.className = className;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

/** Marks a part of a node view that ProseMirror must neither edit nor place the caret in. */
export function nonEditable<Element extends HTMLElement>(target: Element): Element {
  target.contentEditable = 'false';
  return target;
}

/** Events from the view's own controls (buttons, inputs) are theirs, not ProseMirror's. */
export function isControlEvent(event: Event, contentDOM: HTMLElement | null): boolean {
  // From a shadow slot (shadowSlot.ts) the target seen here is the slot's host; the path starts at the control.
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (contentDOM !== null && contentDOM.contains(target)) return false;
  return target.closest('button, input, select, textarea') !== null;
}

/** Only changes inside the editable content concern ProseMirror; the view's own controls change as they like. */
export function isOutsideContent(mutation: { type: string; target: Node }, contentDOM: HTMLElement | null): boolean {
  if (mutation.type === 'selection') return false;
  return contentDOM === null || !contentDOM.contains(mutation.target);
}
