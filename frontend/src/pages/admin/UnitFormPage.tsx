import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { units, type Unit, type UnitInput } from "../../api/units";
import { useAuth } from "../../auth/AuthProvider";
import { can, canManageMemberships } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { FormActions } from "../../components/FormActions";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { MembershipsPanel } from "../../components/MembershipsPanel";
import { PageHeader } from "../../components/PageHeader";
import { changed, optionalDecimal, optionalInt, required, text, useForm } from "../../hooks/useForm";
import { useRecord } from "../../hooks/useRecord";
import { useBuildings } from "./UnitsPage";

const EMPTY = { code: "", building_id: "", floor: "", area_m2: "", coefficient: "" };

function toForm(unit: Unit): typeof EMPTY {
  return {
    code: unit.code,
    building_id: unit.building_id ? String(unit.building_id) : "",
    floor: unit.floor === null || unit.floor === undefined ? "" : String(unit.floor),
    area_m2: text(unit.area_m2 === null || unit.area_m2 === undefined ? "" : String(unit.area_m2)),
    coefficient: text(unit.coefficient === null || unit.coefficient === undefined ? "" : String(unit.coefficient)),
  };
}

function toInput(values: typeof EMPTY): UnitInput {
  return {
    code: required(values.code),
    building_id: optionalInt(values.building_id),
    floor: optionalInt(values.floor),
    area_m2: optionalDecimal(values.area_m2),
    coefficient: optionalDecimal(values.coefficient),
  };
}

export function UnitFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unitId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { roles } = useAuth();
  const writable = can(roles, "units", "write");
  const buildingList = useBuildings();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(EMPTY);
  const { record: unit, setRecord: setUnit, loadError, loading } =
    useRecord(unitId, units.get, (u) => form.setValues(toForm(u)));

  if (loading) {
    return loadError ? <section className="page"><Banner kind="error">{loadError}</Banner></section> : <Loading />;
  }

  const title = unit ? t("units.editTitle", { code: unit.code }) : t("units.new");
  const buildingOptions = buildingList.map((b) => ({ value: String(b.id), label: b.name }));
  // Residents cannot list buildings: show the unit's own.
  if (unit?.building_id && !buildingList.some((b) => b.id === unit.building_id)) {
    buildingOptions.push({ value: String(unit.building_id), label: unit.building_name ?? `#${unit.building_id}` });
  }
  const v = form.values;
  const e = form.fieldErrors;

  return (
    <section className="page">
      <PageHeader title={title} actions={<Link className="button" to="/units">{t("common.backToList")}</Link>} />
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(async () => {
          if (unit) {
            const patch = changed(toInput(toForm(unit)), toInput(v));
            const updated = Object.keys(patch).length ? await units.update(unit.id, patch) : unit;
            setUnit(updated);
            form.setValues(toForm(updated));
            setSaved(t("common.saved"));
          } else {
            const created = await units.create(toInput(v));
            navigate(`/units/${created.id}`, { replace: true, state: { flash: t("units.created", { code: created.code }) } });
          }
        });
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <fieldset disabled={!writable || form.submitting}>
          <legend className="sr-only">{title}</legend>
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
        {writable && (
          <FormActions submitting={form.submitting} editing={!!unit} listPath="/units"
            remove={unit ? () => units.remove(unit.id) : undefined}
            deleteQuestion={unit ? t("units.deleteQuestion", { code: unit.code }) : undefined}
            deletedFlash={unit ? t("units.deleted", { code: unit.code }) : undefined}
            onError={form.setFormError} />
        )}
      </form>
      {unit && <MembershipsPanel mode="unit" ownerId={unit.id} canEdit={canManageMemberships(roles)} />}
    </section>
  );
}
