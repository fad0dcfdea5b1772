import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { gates, type Gate, type GateInput } from "../../api/gates";
import { useAuth } from "../../auth/AuthProvider";
import { can, manages } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { FormActions } from "../../components/FormActions";
import { GateDevicesPanel } from "../../components/GateDevicesPanel";
import { CheckboxField, SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { changed, required, useForm } from "../../hooks/useForm";
import { useRecord } from "../../hooks/useRecord";
import { enumOptions, GATE_DIRECTIONS, GATE_KINDS } from "../../lib/enums";

const EMPTY = { name: "", direction: "both", kind: "pedestrian", is_active: true };

function toForm(g: Gate): typeof EMPTY {
  return { name: g.name, direction: g.direction ?? "both", kind: g.kind ?? "pedestrian", is_active: g.is_active ?? true };
}

function toInput(v: typeof EMPTY): GateInput {
  return {
    name: required(v.name), direction: v.direction as Gate["direction"], kind: v.kind as Gate["kind"],
    is_active: v.is_active,
  };
}

export function GateFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const gateId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { roles } = useAuth();
  const writable = can(roles, "gates", "write");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(EMPTY);
  const { record: gate, setRecord: setGate, loadError, loading } =
    useRecord(gateId, gates.get, (g) => form.setValues(toForm(g)));

  if (loading) {
    return loadError ? <section className="page"><Banner kind="error">{loadError}</Banner></section> : <Loading />;
  }

  const title = gate ? t("gates.editTitle", { name: gate.name }) : t("gates.new");
  const v = form.values;
  const e = form.fieldErrors;

  return (
    <section className="page">
      <PageHeader title={title} actions={<Link className="button" to="/gates">{t("common.backToList")}</Link>} />
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(async () => {
          if (gate) {
            const patch = changed(toInput(toForm(gate)), toInput(v));
            const updated = Object.keys(patch).length ? await gates.update(gate.id, patch) : gate;
            setGate(updated);
            form.setValues(toForm(updated));
            setSaved(t("common.saved"));
          } else {
            const created = await gates.create(toInput(v));
            navigate(`/gates/${created.id}`, { replace: true, state: { flash: t("gates.created", { name: created.name }) } });
          }
        });
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <fieldset disabled={!writable || form.submitting}>
          <legend className="sr-only">{title}</legend>
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
        {writable && (
          <FormActions submitting={form.submitting} editing={!!gate} listPath="/gates"
            remove={gate ? () => gates.remove(gate.id) : undefined}
            deleteQuestion={gate ? t("gates.deleteQuestion", { name: gate.name }) : undefined}
            deletedFlash={gate ? t("gates.deleted", { name: gate.name }) : undefined}
            onError={form.setFormError} />
        )}
      </form>
      {gate && manages(roles) && <GateDevicesPanel gateId={gate.id} canEdit={roles.includes("admin")} />}
    </section>
  );
}
