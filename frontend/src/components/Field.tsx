import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

interface Common {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  required?: boolean;
}

export function FieldErrorList({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul className="field-errors" id={id}>
      {errors.map((message) => <li key={message}>{message}</li>)}
    </ul>
  );
}

function describedBy(errorsId: string, hintId: string, errors?: string[], hint?: ReactNode) {
  return [errors?.length ? errorsId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  value: string;
  onChange(value: string): void;
};

export function TextField({ label, errors, hint, required, value, onChange, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={`field${errors?.length ? " has-error" : ""}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && <span className="required-mark" aria-hidden="true">*</span>}
      </div>
      <input
        id={id}
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, errors, hint)}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      <FieldErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> & {
  value: string;
  options: Option[];
  onChange(value: string): void;
  /** Text of an empty first option; none when omitted. */
  placeholder?: string;
};

export function SelectField({ label, errors, hint, required, value, options, onChange, placeholder, ...select }:
  SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${errors?.length ? " has-error" : ""}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && <span className="required-mark" aria-hidden="true">*</span>}
      </div>
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, errors, hint)}
        onChange={(e) => onChange(e.target.value)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      <FieldErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

interface CheckboxFieldProps extends Common {
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

export function CheckboxField({ label, errors, hint, checked, onChange, disabled }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={`field field-checkbox${errors?.length ? " has-error" : ""}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, errors, hint)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      <FieldErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A group of checkboxes for a multi-valued field (user roles). */
export function CheckboxGroup({ label, errors, options, values, onChange, disabled }: Common & {
  options: Option[];
  values: string[];
  onChange(values: string[]): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className={`field checkbox-group${errors?.length ? " has-error" : ""}`}
      aria-describedby={errors?.length ? `${id}-errors` : undefined}>
      <legend>{label}</legend>
      <div className="checkbox-options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-option">
            <input
              type="checkbox"
              disabled={disabled}
              checked={values.includes(option.value)}
              onChange={(e) => onChange(e.target.checked
                ? [...values, option.value]
                : values.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrorList id={`${id}-errors`} errors={errors} />
    </fieldset>
  );
}
