import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { vehicles, type Vehicle, type VehicleInput } from "../../api/vehicles";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { FormActions } from "../../components/FormActions";
import { UnitPicker } from "../../components/EntityPicker";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { changed, optional, required, useForm } from "../../hooks/useForm";
import { useRecord } from "../../hooks/useRecord";

const EMPTY = { plate: "", make: "", model: "", colour: "" };

function toForm(x: Vehicle): typeof EMPTY {
  return { plate: x.plate, make: x.make ?? "", model: x.model ?? "", colour: x.colour ?? "" };
}

function toInput(v: typeof EMPTY, unitId: number | null): VehicleInput {
  return {
    plate: required(v.plate), unit_id: unitId ?? 0,
    make: optional(v.make), model: optional(v.model), colour: optional(v.colour),
  };
}

export function VehicleFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const vehicleId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { roles } = useAuth();
  const writable = can(roles, "vehicles", "write");
  const [unitId, setUnitId] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(EMPTY);
  const { record: vehicle, setRecord: setVehicle, loadError, loading } =
    useRecord(vehicleId, vehicles.get, (x) => {
      setUnitId(x.unit_id);
      form.setValues(toForm(x));
    });

  if (loading) {
    return loadError ? <section className="page"><Banner kind="error">{loadError}</Banner></section> : <Loading />;
  }

  const title = vehicle ? t("vehicles.editTitle", { plate: vehicle.plate }) : t("vehicles.new");
  const v = form.values;
  const e = form.fieldErrors;

  return (
    <section className="page">
      <PageHeader title={title} actions={<Link className="button" to="/vehicles">{t("common.backToList")}</Link>} />
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(async () => {
          if (vehicle) {
            const patch = changed(toInput(toForm(vehicle), vehicle.unit_id), toInput(v, unitId));
            const updated = Object.keys(patch).length ? await vehicles.update(vehicle.id, patch) : vehicle;
            setVehicle(updated);
            form.setValues(toForm(updated));
            setSaved(t("common.saved"));
          } else {
            const created = await vehicles.create(toInput(v, unitId));
            navigate(`/vehicles/${created.id}`, { replace: true, state: { flash: t("vehicles.created", { plate: created.plate }) } });
          }
        });
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <fieldset disabled={!writable || form.submitting}>
          <legend className="sr-only">{title}</legend>
          <div className="form-grid">
            <TextField label={t("vehicles.plate")} required value={v.plate} maxLength={16} autoComplete="off"
              onChange={(x) => form.set("plate", x.toUpperCase())} errors={e.plate} hint={t("vehicles.plateHint")} />
            <UnitPicker label={t("vehicles.unit")} required value={unitId} onChange={setUnitId}
              currentLabel={vehicle?.unit_code} errors={e.unit_id} disabled={!writable} />
            <TextField label={t("vehicles.make")} value={v.make} maxLength={40}
              onChange={(x) => form.set("make", x)} errors={e.make} />
            <TextField label={t("vehicles.model")} value={v.model} maxLength={40}
              onChange={(x) => form.set("model", x)} errors={e.model} />
            <TextField label={t("vehicles.colour")} value={v.colour} maxLength={30}
              onChange={(x) => form.set("colour", x)} errors={e.colour} />
          </div>
        </fieldset>
        {writable && (
          <FormActions submitting={form.submitting} editing={!!vehicle} listPath="/vehicles"
            remove={vehicle ? () => vehicles.remove(vehicle.id) : undefined}
            deleteQuestion={vehicle ? t("vehicles.deleteQuestion", { plate: vehicle.plate }) : undefined}
            deletedFlash={vehicle ? t("vehicles.deleted", { plate: vehicle.plate }) : undefined}
            onError={form.setFormError} />
        )}
      </form>
    </section>
  );
}
