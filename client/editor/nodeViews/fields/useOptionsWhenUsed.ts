import { useCallback, useState, type FocusEventHandler, type KeyboardEventHandler, type PointerEventHandler } from 'react';

export interface OptionsWhenUsed {
  /** Whether the select has been used and so renders every option. */
  isUsed: boolean;
  /** Handlers for the select: the first focus (Tab included), pointerdown or keydown renders every option. */
  handlers: {
    onFocus?: FocusEventHandler<HTMLSelectElement>;
    onPointerDown?: PointerEventHandler<HTMLSelectElement>;
    onKeyDown?: KeyboardEventHandler<HTMLSelectElement>;
  };
}

/**
 * A closed native select shows only its chosen option, so the others are rendered once the select is used: the
 * plan's blocks hold hundreds of selects whose thousands of options made building the editor page slow. React
 * commits the update before the focus's or pointerdown's default action, so the list opens (or ArrowDown moves)
 * over every option.
 */
export function useOptionsWhenUsed(): OptionsWhenUsed {
  const [isUsed, setIsUsed] = useState(false);
  const use = useCallback(() => setIsUsed(true), []);
  return { isUsed, handlers: isUsed ? {} : { onFocus: use, onPointerDown: use, onKeyDown: use } };
}

/** All options once used; before that the one a select with this value shows (the first when none matches, as the browser does). */
export function optionsToRender<Option>(options: readonly Option[], isUsed: boolean, isChosen: (option: Option) => boolean): readonly Option[] {
  if (isUsed) return options;
  const chosen = options.find(isChosen) ?? options[0];
  return chosen === undefined ? [] : [chosen];
}
