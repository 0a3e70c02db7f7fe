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
  input.addEventListener('blur', () => {
    input.value = formatNumber(current);
    input.removeAttribute('aria-invalid');
  });
  return {
    element: input,
    show(value) {
      current = typeof value === 'number' && Number.isFinite(value) ? value : null;
      if (document.activeElement !== input) input.value = formatNumber(current);
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
      if (document.activeElement !== input) input.value = current;
    },
    setDisabled(isDisabled) {
      input.disabled = isDisabled;
    },
  };
}

/** A select over fixed options for an attribute. */
export function selectControl(label: string, options: readonly { value: string; label: string }[], commit: (value: string) => void): AttributeControl {
  const select = element('select', '', { 'aria-label': label });
  for (const option of options) select.append(Object.assign(element('option', ''), { value: option.value, textContent: option.label }));
  select.addEventListener('change', () => commit(select.value));
  return {
    element: select,
    show(value) {
      select.value = typeof value === 'string' ? value : '';
    },
    setDisabled(isDisabled) {
      select.disabled = isDisabled;
    },
  };
}
