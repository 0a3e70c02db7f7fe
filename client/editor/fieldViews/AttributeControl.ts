import { element } from './dom.js';
import { formatNumber, parseNumber } from './polishNumber.js';

export interface AttributeControl {
  readonly element: HTMLInputElement | HTMLSelectElement;
  /** Shows the document's value unless the member is typing in the control (a remote change must not eat keystrokes). */
  show(value: unknown): void;
  setDisabled(isDisabled: boolean): void;
}

interface NumberOptions {
  label: string;
  isInteger?: boolean;
  /** Empty means null; otherwise an empty box is not committed. */
  isNullable?: boolean;
  min?: number;
  className?: string;
}

/** A number box for an attribute, committed on every parseable change (Polish decimal comma accepted). */
export function numberControl(options: NumberOptions, commit: (value: number | null) => void): AttributeControl {
  const input = element('input', options.className ?? '', { type: 'text', inputmode: options.isInteger ? 'numeric' : 'decimal', 'aria-label': options.label });
  let current: number | null = null;
  input.addEventListener('input', () => {
    const text = input.value;
    const isEmpty = text.trim() === '';
    const parsed = parseNumber(text, options.isInteger === true);
    const isValid = isEmpty ? options.isNullable === true : parsed !== null && (options.min === undefined || parsed >= options.min);
    input.toggleAttribute('aria-invalid', !isValid);
    if (isValid) commit(isEmpty ? null : parsed);
  });
  // A click into a fresh row's "0" must not leave the caret before the 0 (typing 25 would show 025): the 0 is
  // replaced. Other values keep the caret where the click put it, for editing digits.
  let selectOnMouseUp = false;
  input.addEventListener('focus', () => {
    if (input.value !== '0') return;
    input.select();
    selectOnMouseUp = true;
  });
  // A click's mouseup would put the caret back where the pointer is.
  input.addEventListener('mouseup', (event) => {
    if (selectOnMouseUp) event.preventDefault();
    selectOnMouseUp = false;
  });
  input.addEventListener('blur', () => {
    input.value = formatNumber(current);
    input.removeAttribute('aria-invalid');
  });
  return {
    element: input,
    show(value) {
      current = typeof value === 'number' && Number.isFinite(value) ? value : null;
      // Not document.activeElement: the input sits in a shadow slot, where that is the slot's host.
      if (!input.matches(':focus')) input.value = formatNumber(current);
    },
    setDisabled(isDisabled) {
      input.disabled = isDisabled;
    },
  };
}

/** A short text box for an attribute (a unit), committed on every change. */
export function textControl(label: string, className: string, commit: (value: string) => void): AttributeControl {
  const input = element('input', className, { type: 'text', 'aria-label': label });
  let current = '';
  input.addEventListener('input', () => commit(input.value));
  input.addEventListener('blur', () => {
    input.value = current;
  });
  return {
    element: input,
    show(value) {
      current = typeof value === 'string' ? value : '';
      if (!input.matches(':focus')) input.value = current;
    },
    setDisabled(isDisabled) {
      input.disabled = isDisabled;
    },
  };
}

/**
 * A select over fixed options for an attribute. A closed select shows only its chosen option, so the others are
 * added on first use (focus, pointerdown, keydown) or when the browser is next idle, whichever comes first: a plan
 * holds many funding rows, and their options were a good part of the DOM built when the editor opens. Idle time
 * fills them in so the select is complete for scripts and assistive technology that read its options unopened.
 */
export function selectControl(
  label: string,
  options: readonly { value: string; label: string }[],
  commit: (value: string) => void,
  className = '',
): AttributeControl {
  const select = element('select', className, { 'aria-label': label });
  const optionElement = (option: { value: string; label: string }) => Object.assign(element('option', ''), { value: option.value, textContent: option.label });
  let current = '';
  let hasAllOptions = false;
  const addAllOptions = () => {
    if (hasAllOptions) return;
    hasAllOptions = true;
    for (const type of USE_EVENTS) select.removeEventListener(type, addAllOptions);
    select.replaceChildren(...options.map(optionElement));
    select.value = current;
  };
  for (const type of USE_EVENTS) select.addEventListener(type, addAllOptions);
  whenIdle(addAllOptions);
  select.addEventListener('change', () => commit(select.value));
  return {
    element: select,
    show(value) {
      current = typeof value === 'string' ? value : '';
      if (!hasAllOptions) {
        // An unmatched value shows an empty select, as setting it on the full list would.
        const chosen = options.find((option) => option.value === current);
        select.replaceChildren(...(chosen === undefined ? [] : [optionElement(chosen)]));
      }
      select.value = current;
    },
    setDisabled(isDisabled) {
      select.disabled = isDisabled;
    },
  };
}

const USE_EVENTS = ['focus', 'pointerdown', 'keydown'] as const;

const idleTasks: (() => void)[] = [];

/** Runs tasks in idle periods, a few at a time, so filling many selects never makes a long task. */
function whenIdle(task: () => void): void {
  idleTasks.push(task);
  if (idleTasks.length === 1) scheduleIdleWork();
}

function scheduleIdleWork(): void {
  const work = (deadline: { didTimeout: boolean; timeRemaining(): number }) => {
    // A timed-out callback has no time left; it still does one task so a busy page fills its selects eventually.
    if (deadline.didTimeout) idleTasks.shift()?.();
    while (idleTasks.length > 0 && deadline.timeRemaining() > 1) idleTasks.shift()?.();
    if (idleTasks.length > 0) scheduleIdleWork();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(() => work({ didTimeout: false, timeRemaining: () => 8 }), 50);
}
