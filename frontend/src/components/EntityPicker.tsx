import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";
import { people, type Person } from "../api/people";
import { units, type Unit } from "../api/units";
import { useDebounced } from "../hooks/useDebounced";
import { FieldErrorList } from "./Field";

export interface PickOption {
  id: number;
  label: string;
}

const NO_OPTIONS: PickOption[] = [];

interface PickerProps {
  label: string;
  value: number | null;
  onChange(id: number | null): void;
  /** Label of the current value when it is not among the search results. */
  currentLabel?: string | null;
  required?: boolean;
  errors?: string[];
  disabled?: boolean;
}

/**
 * Choose one record among many: a search box narrows a select list (the first 50
 * matches). Works with the keyboard and with screen readers as two plain controls.
 */
export function EntityPicker({ label, resource, searchLabel, search, value, onChange, currentLabel, required,
  errors, disabled }: PickerProps & {
  /** First part of the query key: the searched resource. */
  resource: string;
  searchLabel: string;
  search(q: string): Promise<PickOption[]>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState("");
  const debounced = useDebounced(q, 250);
  const found = useQuery({
    queryKey: [resource, "pick", debounced.trim()],
    queryFn: () => search(debounced.trim()),
    enabled: !disabled,
    placeholderData: keepPreviousData,
  });
  const options = found.data ?? NO_OPTIONS;
  const loading = found.isFetching;

  const shown = value !== null && !options.some((o) => o.id === value)
    ? [{ id: value, label: currentLabel ?? `#${value}` }, ...options]
    : options;

  return (
    <div className={`field picker${errors?.length ? " has-error" : ""}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && <span className="required-mark" aria-hidden="true">*</span>}
      </div>
      <div className="picker-controls">
        {!disabled && (
          <input type="search" aria-label={searchLabel} placeholder={searchLabel} value={q}
            onChange={(e) => setQ(e.target.value)} />
        )}
        <select id={id} value={value ?? ""} required={required} disabled={disabled}
          aria-busy={loading}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-errors` : undefined}
          onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{required ? t("picker.choose") : t("picker.none")}</option>
          {shown.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </div>
      <FieldErrorList id={`${id}-errors`} errors={errors} />
      {found.error ? <p className="field-errors" role="alert">{formatApiError(found.error, t)}</p> : null}
    </div>
  );
}

export function unitLabel(unit: Pick<Unit, "code" | "building_name">): string {
  return unit.building_name ? `${unit.code} · ${unit.building_name}` : unit.code;
}

export function personLabel(person: Pick<Person, "full_name" | "doc_number">): string {
  return `${person.full_name ?? ""} · ${person.doc_number}`;
}

export function UnitPicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <EntityPicker {...props} resource="units" searchLabel={t("picker.searchUnits")}
      search={async (q) => (await units.list({ q, page_size: 50 })).items
        .map((u) => ({ id: u.id as number, label: unitLabel(u) }))} />
  );
}

export function PersonPicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <EntityPicker {...props} resource="people" searchLabel={t("picker.searchPeople")}
      search={async (q) => (await people.list({ q, page_size: 50 })).items
        .map((p) => ({ id: p.id as number, label: personLabel(p) }))} />
  );
}
