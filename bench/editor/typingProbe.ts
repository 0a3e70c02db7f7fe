/**
 * Installed in the page before any of its scripts (page.addInitScript), as
 * plain JavaScript text so that no compiler helper leaks into the page.
 *
 * Typing latency of one key: from the keydown event's timestamp (when the
 * browser received the input, so time the event waited behind a busy main
 * thread counts) until the frame that shows the character: a MutationObserver
 * on the target element sees its text grow by one, then the next
 * requestAnimationFrame callback runs (the frame that paints it is being
 * produced), and a message posted from that callback is handled (after the
 * frame's style, layout and paint work). That last time is the end.
 *
 * Page interactive: performance.now() (zero at navigation start) when the
 * editor is contenteditable and holds the plan, and when the first key typed
 * after that shows on screen (same frame rule).
 */
export const TYPING_PROBE_SCRIPT = String.raw`
(() => {
  const probe = {
    editableAt: null,
    samples: [],
    longTasks: [],
    armed: null,
  };
  window.__typingProbe = probe;

  const afterNextFrame = (callback) => {
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(frameAt, performance.now());
      channel.port2.postMessage(0);
    });
  };

  const watchEditable = () => {
    const isReady = () => {
      const editor = document.querySelector('.plan-editor__content[contenteditable="true"]');
      return editor !== null && editor.querySelector('.plan-section') !== null;
    };
    if (isReady()) { probe.editableAt = performance.now(); return; }
    const observer = new MutationObserver(() => {
      if (probe.editableAt === null && isReady()) {
        probe.editableAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['contenteditable'] });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchEditable);
  else watchEditable();

  try {
    new PerformanceObserver((list) => {
      if (probe.armed === null) return;
      for (const entry of list.getEntries()) probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {}

  // Where a bench types: a paragraph of section text (not inside a typed block) or a direction's description.
  probe.targets = (kind) => {
    if (kind === 'sectionText') return [...document.querySelectorAll('.plan-section__body p')].filter((p) => p.closest('.plan-block') === null);
    if (kind === 'directionDescription') return [...document.querySelectorAll('[data-block-type="interventionDirection"] [data-field="description"] .plan-field__text p')];
    throw new Error('unknown target kind ' + kind);
  };
  probe.target = (kind, position) => {
    const targets = probe.targets(kind);
    const target = targets[position === 'middle' ? Math.floor(targets.length / 2) : position === 'last' ? targets.length - 1 : 0];
    if (!target) throw new Error('no ' + kind + ' in the page');
    return target;
  };
  // The caret at the end of the target, as a click there and End would put it (End alone goes to the end of a visual line).
  probe.placeCaretAtEnd = (kind, position) => {
    const target = probe.target(kind, position);
    target.scrollIntoView({ block: 'center' });
    const editor = document.querySelector('.plan-editor__content');
    editor.focus();
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  // Arm with the element whose text the typed keys grow.
  probe.arm = (kind, position) => {
    const target = probe.target(kind, position);
    probe.armed = { target, baseLength: target.textContent.length, typed: 0 };
    probe.samples = [];
    probe.longTasks = [];
  };
  probe.disarm = () => { probe.armed = null; };

  document.addEventListener('keydown', (event) => {
    const armed = probe.armed;
    if (armed === null || event.key.length !== 1) return;
    const sample = { key: event.key, eventAt: event.timeStamp, handlerAt: performance.now(), shownAt: null, frameAt: null, paintedAt: null };
    probe.samples.push(sample);
    const expectedLength = armed.baseLength + ++armed.typed;
    const isShown = () => armed.target.isConnected && armed.target.textContent.length >= expectedLength;
    const finish = () => {
      sample.shownAt = performance.now();
      afterNextFrame((frameAt, paintedAt) => { sample.frameAt = frameAt; sample.paintedAt = paintedAt; });
    };
    const observer = new MutationObserver(() => {
      if (!isShown()) return;
      observer.disconnect();
      finish();
    });
    observer.observe(document.querySelector('.plan-editor__content') ?? document, { subtree: true, childList: true, characterData: true });
  }, true);
})();
`;
