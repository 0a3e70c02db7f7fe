export interface ReferenceOption {
  id: string;
  label: string;
}

export interface ReferenceCheckboxGroupProps {
  legend: string;
  name: string;
  options: readonly ReferenceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled: boolean;
  emptyText: string;
  /** Label of a chosen id that no longer exists in the plan. */
  missingLabel: (id: string) => string;
}

/** Links to other blocks of the plan (by id); ids pointing nowhere stay listed so they can be removed. */
export function ReferenceCheckboxGroup({ legend, name, options, value, onChange, disabled, emptyText, missingLabel }: ReferenceCheckboxGroupProps) {
  const known = new Set(options.map((option) => option.id));
  const all = [...options, ...value.filter((id) => !known.has(id)).map((id) => ({ id, label: missingLabel(id) }))];
  const chosen = new Set(value);
  return (
    <fieldset className="block-field block-field--wide block-choices" data-field={name}>
      <legend className="block-field__label">{legend}</legend>
      {all.length === 0 ? (
        <p className="block-field__hint">{emptyText}</p>
      ) : (
        <div className="block-choices__options">
          {all.map((option) => (
            <label key={option.id} className="block-choices__option">
              <input
                type="checkbox"
                name={name}
                value={option.id}
                checked={chosen.has(option.id)}
                disabled={disabled}
                onChange={(event) => {
                  const next = event.target.checked ? [...value, option.id] : value.filter((id) => id !== option.id);
                  onChange(next);
                }}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
