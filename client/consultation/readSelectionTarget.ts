export interface SelectionTarget {
  sectionKey: string;
  blockId: string | null;
  quote: string;
}

/** The section and block around the text the reader selected in the consulted document, with that text (cut to `maxQuote`). */
export function readSelectionTarget(root: HTMLElement, maxQuote: number): SelectionTarget | null {
  const selection = window.getSelection();
  if (selection === null || selection.isCollapsed || selection.rangeCount === 0) return null;
  const quote = selection.toString().replace(/\s+/g, ' ').trim();
  if (quote === '') return null;
  const start = selection.getRangeAt(0).startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  if (element === null || !root.contains(element)) return null;
  const section = element.closest<HTMLElement>('[data-section-key]');
  if (section === null) return null;
  const block = element.closest<HTMLElement>('[data-block-id]');
  return { sectionKey: section.dataset.sectionKey ?? '', blockId: block?.dataset.blockId ?? null, quote: quote.slice(0, maxQuote) };
}
