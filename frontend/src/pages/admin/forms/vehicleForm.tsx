/** The vehicle form: plate, unit, make, model, colour. */
import { useTranslation } from "react-i18next";
import { vehicles, type Vehicle, type VehicleInput } from "../../../api/vehicles";
import { UnitPicker } from "../../../components/EntityPicker";
import { TextField } from "../../../components/Field";
import type { FormContext, ResourceFormConfig } from "../../../components/ResourceFormPage";
import { optional, required } from "../../../hooks/useForm";

const EMPTY = { plate: "", unit_id: "", make: "", model: "", colour: "" };
type Values = typeof EMPTY;

function VehicleFields({ form, record: vehicle, writable }: FormContext<Vehicle, Values>) {
  const { t } = useTranslation();
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <fieldset disabled={!writable || form.submitting}>
      <legend className="sr-only">{vehicle ? t("vehicles.editTitle", { plate: vehicle.plate }) : t("vehicles.new")}</legend>
      <div className="form-grid">
        <TextField label={t("vehicles.plate")} required value={v.plate} maxLength={16} autoComplete="off"
          onChange={(x) => form.set("plate", x.toUpperCase())} errors={e.plate} hint={t("vehicles.plateHint")} />
        <UnitPicker label={t("vehicles.unit")} required value={v.unit_id ? Number(v.unit_id) : null}
          onChange={(id) => form.set("unit_id", id === null ? "" : String(id))}
          currentLabel={vehicle?.unit_code} errors={e.unit_id} disabled={!writable} />
        <TextField label={t("vehicles.make")} value={v.make} maxLength={40}
          onChange={(x) => form.set("make", x)} errors={e.make} />
        <TextField label={t("vehicles.model")} value={v.model} maxLength={40}
          onChange={(x) => form.set("model", x)} errors={e.model} />
        <TextField label={t("vehicles.colour")} value={v.colour} maxLength={30}
          onChange={(x) => form.set("colour", x)} errors={e.colour} />
      </div>
    </fieldset>
  );
}

export const vehicleForm: ResourceFormConfig<Vehicle, Values, VehicleInput> = {
  resource: "vehicles",
  api: vehicles,
  empty: EMPTY,
  toForm: (x) => ({
    plate: x.plate, unit_id: String(x.unit_id), make: x.make ?? "", model: x.model ?? "", colour: x.colour ?? "",
  }),
  toInput: (v) => ({
    // No unit chosen: 0, which the server refuses with a message on the field.
    plate: required(v.plate), unit_id: Number(v.unit_id) || 0,
    make: optional(v.make), model: optional(v.model), colour: optional(v.colour),
  }),
  text: {
    newTitle: (t) => t("vehicles.new"),
    editTitle: (t, vehicle) => t("vehicles.editTitle", { plate: vehicle.plate }),
    created: (t, vehicle) => t("vehicles.created", { plate: vehicle.plate }),
    deleteQuestion: (t, vehicle) => t("vehicles.deleteQuestion", { plate: vehicle.plate }),
    deleted: (t, vehicle) => t("vehicles.deleted", { plate: vehicle.plate }),
  },
  Fields: VehicleFields,
};
