import type { Locator, Page } from 'playwright-core';

/**
 * The DOM contract of typed blocks in the editor (client/editor/fieldViews/,
 * client/editor/nodeViews/TypedBlockFrame.tsx), in one place for browser tests.
 */

/** A block by its id, e.g. `[data-block-id="KI-1.1"]`. */
export function blockById(page: Page, blockId: string): Locator {
  return page.locator(`[data-block-id="${blockId}"]`);
}

/** The editable text of a block's text field (blockLine or blockRichText), e.g. "title", "description". */
export function fieldText(block: Locator, field: string): Locator {
  return block.locator(`[data-field="${field}"] .plan-field__text`).first();
}

/** The selector of what the collaboration caret renders inside the text (the caret and its name label). */
const REMOTE_CARET = '.collaboration-carets__caret';

/** The document text of an element: its text without the remote carets and names drawn into it. */
export function documentText(element: Locator): Promise<string> {
  return element.evaluate((node, caret) => {
    const copy = node.cloneNode(true) as HTMLElement;
    for (const drawn of copy.querySelectorAll(caret)) drawn.remove();
    return copy.textContent ?? '';
  }, REMOTE_CARET);
}

/** The text of a list's entries (actions, responsible, partners, addressees), in document order. */
export async function listEntryTexts(block: Locator, field: string): Promise<string[]> {
  const entries = await block.locator(`[data-field="${field}"] .plan-field__text`).all();
  return Promise.all(entries.map(documentText));
}

/** Places the caret at the end (or start) of a text field by clicking it and pressing End/Home. */
export async function placeCaret(page: Page, text: Locator, where: 'start' | 'end'): Promise<void> {
  await text.click();
  await page.keyboard.press(where === 'end' ? 'End' : 'Home');
}

/** Sets the caret at the very start or end of an element's text through the DOM selection, whatever its line breaks. */
export async function placeCaretAtEdge(text: Locator, where: 'start' | 'end'): Promise<void> {
  await text.evaluate((element, edge) => {
    (element.closest('[contenteditable="true"]') as HTMLElement | null)?.focus();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text);
    const target = edge === 'start' ? texts[0] : texts[texts.length - 1];
    const range = document.createRange();
    if (target === undefined) range.selectNodeContents(element);
    else range.setStart(target, edge === 'start' ? 0 : target.length);
    range.collapse(true);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, where);
}

/** Adds a code through a block's searchable multi-select: search, then pick the option. */
export async function chooseCode(block: Locator, field: string, legend: string, optionLabel: string): Promise<void> {
  const multiSelect = block.locator(`[data-field="${field}"]`);
  const search = multiSelect.getByRole('combobox', { name: `${legend}: wyszukaj i dodaj` });
  await search.fill(optionLabel);
  await multiSelect.getByRole('option', { name: optionLabel, exact: true }).click();
}

/** The labels of a multi-select's chosen chips. */
export function chosenCodes(block: Locator, field: string): Promise<string[]> {
  return block.locator(`[data-field="${field}"] .chip > span`).allTextContents();
}
