import appStyles from '../../styles.css?inline';
import editorStyles from '../planEditor.css?inline';

/** The class of every slot inside a plan block; style rules that start from `.plan-block` name it too (planEditor.css). */
export const BLOCK_SLOT_CLASS = 'plan-block__slot';

let sharedSheets: CSSStyleSheet[] | null = null;

/** The page's style sheets as constructed sheets, parsed once and adopted by every slot. */
function styleSheets(): CSSStyleSheet[] {
  if (sharedSheets === null) {
    sharedSheets = [appStyles, editorStyles].map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  }
  return sharedSheets;
}

/**
 * Gives a node view's React controls (header, codes, proposal buttons) a shadow root in `host` and
 * returns the element to render them into. On every key Chromium walks the editable tree to sync the
 * selection and rebuild the input method's text; controls in a shadow tree are outside that walk,
 * and ProseMirror's MutationObserver does not see them re-render (docs/performance.md, "Block controls in
 * shadow roots": a key in a block field of a 150-block plan costs the main thread ~8 ms less).
 *
 * The slot has `display: contents`, so the host lays the controls out as its own children, and carries
 * the host's class, so rules starting from it (`.plan-block__attributes select`) still match. Rules
 * starting from an ancestor cannot see into a shadow tree: they name `slotClass` too (planEditor.css).
 */
export function shadowSlot(host: HTMLElement, slotClass: string): HTMLElement {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = styleSheets();
  const slot = document.createElement('div');
  slot.className = `${host.className} ${slotClass}`;
  slot.style.display = 'contents';
  shadow.append(slot);
  return slot;
}

/**
 * A `display: contents` element (`.shadow-host`, planEditor.css) holding `children` in its shadow slot: the
 * buttons, labels and boxes of the plain-DOM field views, which sit between a block's texts.
 */
export function shadowHost(hostClass: string, ...children: HTMLElement[]): HTMLElement {
  const host = document.createElement('span');
  host.className = hostClass === '' ? 'shadow-host' : `shadow-host ${hostClass}`;
  host.contentEditable = 'false';
  shadowSlot(host, BLOCK_SLOT_CLASS).append(...children);
  return host;
}

/** The first element below `root` matching `selectors` in document order, looking into open shadow roots too. */
export function querySlotted<Found extends Element = HTMLElement>(root: Element | ShadowRoot, selectors: string): Found | null {
  for (const element of root.querySelectorAll('*')) {
    if (element.matches(selectors)) return element as Found;
    if (element.shadowRoot !== null) {
      const inside = querySlotted<Found>(element.shadowRoot, selectors);
      if (inside !== null) return inside;
    }
  }
  return null;
}
