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

/**
 * Selects the document text from `from` to `to` (character offsets into the
 * element's document text; `to` defaults to `from`, a caret) through the DOM
 * selection, which ProseMirror adopts as its own. Works on wrapped lines,
 * where Home and End only reach the edge of the visual line.
 */
export async function selectText(element: Locator, from: number | 'start' | 'end', to: number = -1): Promise<void> {
  // A click focuses the editor as a person would; focus by script alone counts as tabbing in, which moves the caret.
  await element.click();
  await element.evaluate(
    (root, { from, to, caret }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        // The names of remote carets and the labels of non-editable chrome are not document text.
        acceptNode: (node) => (node.parentElement?.closest(`${caret}, [contenteditable="false"]`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text);
      const total = texts.reduce((sum, text) => sum + text.length, 0);
      const locate = (offset: number): [Node, number] => {
        let remaining = offset;
        for (const text of texts) {
          if (remaining <= text.length) return [text, remaining];
          remaining -= text.length;
        }
        return [root, root.childNodes.length];
      };
      const start = from === 'start' ? 0 : from === 'end' ? total : from;
      const finish = to < 0 ? start : to;
      const range = document.createRange();
      if (texts.length === 0) {
        range.selectNodeContents(root);
        range.collapse(true);
      } else {
        range.setStart(...locate(start));
        range.setEnd(...locate(finish));
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { from, to, caret: REMOTE_CARET },
  );
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
