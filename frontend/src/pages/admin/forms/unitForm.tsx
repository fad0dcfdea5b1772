/** The unit form: code, building, floor, area and coefficient; its memberships below. */
import { useTranslation } from "react-i18next";
import { units, type Unit, type UnitInput } from "../../../api/units";
import { canManageMemberships } from "../../../auth/permissions";
import { SelectField, TextField } from "../../../components/Field";
import { MembershipsPanel } from "../../../components/MembershipsPanel";
import { QueryError } from "../../../components/QueryError";
import type { FormContext, ResourceFormConfig } from "../../../components/ResourceFormPage";
import { useBuildings } from "../../../hooks/useBuildings";
import { optionalDecimal, optionalInt, required } from "../../../hooks/useForm";

const EMPTY = { code: "", building_id: "", floor: "", area_m2: "", coefficient: "" };
type Values = typeof EMPTY;

const str = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

function UnitFields({ form, record: unit, writable }: FormContext<Unit, Values>) {
  const { t } = useTranslation();
  const { buildings, error } = useBuildings();
  const buildingOptions = buildings.map((b) => ({ value: String(b.id), label: b.name }));
  // Residents cannot list buildings: show the unit's own.
  if (unit?.building_id && !buildings.some((b) => b.id === unit.building_id)) {
    buildingOptions.push({ value: String(unit.building_id), label: unit.building_name ?? `#${unit.building_id}` });
  }
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <fieldset disabled={!writable || form.submitting}>
      <legend className="sr-only">{unit ? t("units.editTitle", { code: unit.code }) : t("units.new")}</legend>
      <QueryError error={error} />
      <div className="form-grid">
        <TextField label={t("units.code")} required value={v.code} maxLength={20}
          onChange={(x) => form.set("code", x)} errors={e.code} hint={t("units.codeHint")} />
        <SelectField label={t("units.building")} value={v.building_id} placeholder={t("units.noBuilding")}
          options={buildingOptions}
          onChange={(x) => form.set("building_id", x)} errors={e.building_id} />
        <TextField label={t("units.floor")} type="number" inputMode="numeric" value={v.floor}
          onChange={(x) => form.set("floor", x)} errors={e.floor} />
        <TextField label={t("units.area")} inputMode="decimal" value={v.area_m2}
          onChange={(x) => form.set("area_m2", x)} errors={e.area_m2} />
        <TextField label={t("units.coefficient")} inputMode="decimal" value={v.coefficient}
          onChange={(x) => form.set("coefficient", x)} errors={e.coefficient}
          hint={t("units.coefficientHint")} />
      </div>
    </fieldset>
  );
}

export const unitForm: ResourceFormConfig<Unit, Values, UnitInput> = {
  resource: "units",
  api: units,
  empty: EMPTY,
  toForm: (unit) => ({
    code: unit.code, building_id: unit.building_id ? String(unit.building_id) : "",
    floor: str(unit.floor), area_m2: str(unit.area_m2), coefficient: str(unit.coefficient),
  }),
  toInput: (v) => ({
    code: required(v.code), building_id: optionalInt(v.building_id), floor: optionalInt(v.floor),
    area_m2: optionalDecimal(v.area_m2), coefficient: optionalDecimal(v.coefficient),
  }),
  alsoInvalidates: ["memberships"],
  text: {
    newTitle: (t) => t("units.new"),
    editTitle: (t, unit) => t("units.editTitle", { code: unit.code }),
    created: (t, unit) => t("units.created", { code: unit.code }),
    deleteQuestion: (t, unit) => t("units.deleteQuestion", { code: unit.code }),
    deleted: (t, unit) => t("units.deleted", { code: unit.code }),
  },
  Fields: UnitFields,
  Panels: ({ record, capabilities }) =>
    <MembershipsPanel mode="unit" ownerId={record.id} canEdit={canManageMemberships(capabilities)} />,
};
