export interface CheckboxOption {
  value: string;
  label: string;
}

export interface CheckboxGroupProps {
  legend: string;
  name: string;
  options: readonly CheckboxOption[];
  checked: ReadonlySet<string>;
  onToggle: (value: string, isChecked: boolean) => void;
  disabled: boolean;
  /** Shown instead of the options when there are none. */
  emptyText?: string;
}

/** A labelled set of checkboxes for a block field; the caller decides how a toggle changes the value. */
export function CheckboxGroup({ legend, name, options, checked, onToggle, disabled, emptyText }: CheckboxGroupProps) {
  return (
    <fieldset className="block-field block-field--wide block-choices" data-field={name}>
      <legend className="block-field__label">{legend}</legend>
      {options.length === 0 && emptyText !== undefined ? (
        <p className="block-field__hint">{emptyText}</p>
      ) : (
        <div className="block-choices__options">
          {options.map((option) => (
            <label key={option.value} className="block-choices__option">
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={checked.has(option.value)}
                disabled={disabled}
                onChange={(event) => onToggle(option.value, event.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
