import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { can } from "../auth/permissions";
import { formatApiError } from "../api/errors";
import { memberships, type Membership } from "../api/memberships";
import { useForm } from "../hooks/useForm";
import { formatDate } from "../lib/format";
import { enumOptions, MEMBERSHIP_ROLES } from "../lib/enums";
import { Banner } from "./Banner";
import { ConfirmButton } from "./ConfirmButton";
import { PersonPicker, UnitPicker } from "./EntityPicker";
import { SelectField, TextField } from "./Field";

type Mode = "unit" | "person";

/** Who lives in a unit (mode "unit") or where a person lives (mode "person"). */
export function MembershipsPanel({ mode, ownerId, canEdit }: { mode: Mode; ownerId: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { capabilities } = useAuth();
  const linkPeople = can(capabilities, "people");
  const linkUnits = can(capabilities, "units");
  const [rows, setRows] = useState<Membership[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [other, setOther] = useState<number | null>(null);
  const form = useForm({ role: mode === "person" ? "owner" : "resident", starts_on: "", ends_on: "" });

  useEffect(() => {
    let live = true;
    const filter = mode === "unit" ? { unit_id: ownerId } : { person_id: ownerId };
    memberships.list({ ...filter, page_size: 100 })
      .then((result) => live && setRows(result.items))
      .catch((err) => live && setLoadError(formatApiError(err, t)));
    return () => {
      live = false;
    };
  }, [mode, ownerId, reload]);

  const title = mode === "unit" ? t("memberships.unitTitle") : t("memberships.personTitle");
  const otherErrors = form.fieldErrors[mode === "unit" ? "person_id" : "unit_id"];

  return (
    <section className="panel" aria-labelledby={`memberships-${mode}`}>
      <h2 id={`memberships-${mode}`}>{title}</h2>
      <Banner kind="error">{loadError}</Banner>
      {rows.length === 0 ? (
        <p className="muted">{mode === "unit" ? t("memberships.noneForUnit") : t("memberships.noneForPerson")}</p>
      ) : (
        <table className="compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{mode === "unit" ? t("memberships.person") : t("memberships.unit")}</th>
              <th scope="col">{t("memberships.role")}</th>
              <th scope="col">{t("memberships.startsOn")}</th>
              <th scope="col">{t("memberships.endsOn")}</th>
              {canEdit && <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>
                  {mode === "unit"
                    ? linkPeople
                      ? <Link to={`/people/${m.person_id}`}>{m.person_name ?? `#${m.person_id}`}</Link>
                      : m.person_name ?? `#${m.person_id}`
                    : linkUnits
                      ? <Link to={`/units/${m.unit_id}`}>{m.unit_code ?? `#${m.unit_id}`}</Link>
                      : m.unit_code ?? `#${m.unit_id}`}
                </td>
                <td>{t(`enums.membershipRole.${m.role}`)}</td>
                <td>{formatDate(m.starts_on, i18n.language)}</td>
                <td>{formatDate(m.ends_on, i18n.language)}</td>
                {canEdit && (
                  <td className="actions">
                    <ConfirmButton label={t("memberships.remove")} question={t("memberships.removeQuestion")}
                      onConfirm={async () => {
                        try {
                          await memberships.remove(m.id);
                          setReload((n) => n + 1);
                        } catch (err) {
                          setLoadError(formatApiError(err, t));
                        }
                      }} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit && (
        <form className="inline-form" aria-label={t("memberships.add")} onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          void form.submit(async () => {
            await memberships.create({
              unit_id: mode === "unit" ? ownerId : (other ?? 0),
              person_id: mode === "person" ? ownerId : (other ?? 0),
              role: form.values.role as Membership["role"],
              starts_on: form.values.starts_on || null,
              ends_on: form.values.ends_on || null,
            });
            setOther(null);
            form.setValues((v) => ({ ...v, starts_on: "", ends_on: "" }));
            setSaved(t("memberships.added"));
            setReload((n) => n + 1);
          });
        }}>
          <h3>{t("memberships.add")}</h3>
          <Banner kind="error">{form.formError}</Banner>
          <Banner kind="success">{saved}</Banner>
          <div className="form-grid">
            {mode === "unit"
              ? <PersonPicker label={t("memberships.person")} value={other} onChange={setOther} required errors={otherErrors} />
              : <UnitPicker label={t("memberships.unit")} value={other} onChange={setOther} required errors={otherErrors} />}
            <SelectField label={t("memberships.role")} value={form.values.role} required
              options={enumOptions(t, "membershipRole", MEMBERSHIP_ROLES)}
              onChange={(v) => form.set("role", v)} errors={form.fieldErrors.role} />
            <TextField label={t("memberships.startsOn")} type="date" value={form.values.starts_on}
              onChange={(v) => form.set("starts_on", v)} errors={form.fieldErrors.starts_on} />
            <TextField label={t("memberships.endsOn")} type="date" value={form.values.ends_on}
              onChange={(v) => form.set("ends_on", v)} errors={form.fieldErrors.ends_on} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={form.submitting || other === null}>
              {t("memberships.addButton")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
