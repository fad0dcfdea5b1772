/** The gate form: name, direction, kind, active; its kiosks below for those who manage gates. */
import { useTranslation } from "react-i18next";
import { gates, type Gate, type GateInput } from "../../../api/gates";
import { canManageGateDevices, canSeeGateDevices } from "../../../auth/permissions";
import { CheckboxField, SelectField, TextField } from "../../../components/Field";
import { GateDevicesPanel } from "../../../components/GateDevicesPanel";
import type { FormContext, ResourceFormConfig } from "../../../components/ResourceFormPage";
import { required } from "../../../hooks/useForm";
import { enumOptions, GATE_DIRECTIONS, GATE_KINDS } from "../../../lib/enums";

const EMPTY = { name: "", direction: "both", kind: "pedestrian", is_active: true };
type Values = typeof EMPTY;

function GateFields({ form, record: gate, writable }: FormContext<Gate, Values>) {
  const { t } = useTranslation();
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <fieldset disabled={!writable || form.submitting}>
      <legend className="sr-only">{gate ? t("gates.editTitle", { name: gate.name }) : t("gates.new")}</legend>
      <div className="form-grid">
        <TextField label={t("gates.name")} required value={v.name} maxLength={80}
          onChange={(x) => form.set("name", x)} errors={e.name} />
        <SelectField label={t("gates.direction")} required value={v.direction}
          options={enumOptions(t, "gateDirection", GATE_DIRECTIONS)}
          onChange={(x) => form.set("direction", x)} errors={e.direction} />
        <SelectField label={t("gates.kind")} required value={v.kind}
          options={enumOptions(t, "gateKind", GATE_KINDS)}
          onChange={(x) => form.set("kind", x)} errors={e.kind} />
      </div>
      <CheckboxField label={t("gates.isActive")} checked={v.is_active}
        onChange={(x) => form.set("is_active", x)} errors={e.is_active} />
    </fieldset>
  );
}

export const gateForm: ResourceFormConfig<Gate, Values, GateInput> = {
  resource: "gates",
  api: gates,
  empty: EMPTY,
  toForm: (g) => ({
    name: g.name, direction: g.direction ?? "both", kind: g.kind ?? "pedestrian", is_active: g.is_active ?? true,
  }),
  toInput: (v) => ({
    name: required(v.name), direction: v.direction as Gate["direction"], kind: v.kind as Gate["kind"],
    is_active: v.is_active,
  }),
  text: {
    newTitle: (t) => t("gates.new"),
    editTitle: (t, gate) => t("gates.editTitle", { name: gate.name }),
    created: (t, gate) => t("gates.created", { name: gate.name }),
    deleteQuestion: (t, gate) => t("gates.deleteQuestion", { name: gate.name }),
    deleted: (t, gate) => t("gates.deleted", { name: gate.name }),
  },
  Fields: GateFields,
  Panels: ({ record, capabilities }) => canSeeGateDevices(capabilities)
    ? <GateDevicesPanel gateId={record.id} canEdit={canManageGateDevices(capabilities)} />
    : null,
};
